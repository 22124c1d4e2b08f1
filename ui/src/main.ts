import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
// index.html's frame stays on screen until the app has something to show in its place:
// the first paint never waits for the database.
const boot = target.querySelector('.boot');
// The window itself never scrolls (see app.css): a focus or scrollIntoView that moved
// it would slide the sidebar away and leave the window blank.
window.addEventListener('scroll', () => {
  if (window.scrollX !== 0 || window.scrollY !== 0) window.scrollTo(0, 0);
});
export default mount(App, { target, props: { onready: () => boot?.remove() } });
