//! The terminal interface: state + actions + views. Keys map through the keymap to
//! actions, [`App::update`] applies them (the only place state changes), and the views
//! draw the state without changing it.

pub mod action;
mod annotate;
pub mod app;
pub mod backend;
mod background;
mod crash;
pub(crate) mod edit;
mod export;
mod history;
mod history_file;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod loading;
mod motion;
mod mouse;
pub mod note;
pub mod orphans;
pub mod panel;
pub mod pending;
pub mod picker;
pub mod printable;
pub mod prompt;
pub mod refresh;
mod runner;
pub mod screen;
mod selection;
pub mod suggestions;
pub mod theme;
pub mod view;
pub mod wrap;

pub use action::Action;
pub use app::App;
pub use keymap::{Keymap, parse_key};
pub use loading::open;
pub use runner::run;
pub use theme::Theme;
