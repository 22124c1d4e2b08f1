import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// index.html's frame stays on screen until the app has something to show in its place:
// the first paint never waits for the database.
const boot = target.querySelector('.boot');
export default mount(App, { target, props: { onready: () => boot?.remove() } });
