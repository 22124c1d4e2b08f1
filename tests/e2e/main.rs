//! End-to-end tests of the real app. They run one at a time (one window, one display).

mod coach;
mod data;
mod editions;
mod editor;
mod first_start;
mod images;
mod linkedin;
mod sizes;
mod window;

use std::sync::LazyLock;

/// Serialises the tests: each one owns the display while its window is open.
pub static ONE_WINDOW: LazyLock<tokio::sync::Mutex<()>> = LazyLock::new(|| tokio::sync::Mutex::new(()));
