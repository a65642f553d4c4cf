//! sidenote: check what news articles say.
//!
//! The library holds everything that is not the terminal: articles and their
//! segmentation ([`article`]), entity detection ([`entity`]), claims and sources with
//! their anchors ([`annotation`], [`anchor`]), the sidecar file ([`sidecar`]) and
//! exports ([`export`]). The terminal interface lives in [`tui`], behind the `tui`
//! feature, so the core builds and tests without any terminal crate.

pub mod anchor;
pub mod annotation;
pub mod article;
pub mod config;
pub mod document;
pub mod entity;
pub mod error;
pub mod export;
pub mod import;
pub mod sidecar;
pub mod suggest;
pub mod themes;
#[cfg(feature = "tui")]
pub mod tui;

pub use error::{Error, Result};

/// sidenote's folder in the platform's config folder (`~/.config/sidenote` on Linux),
/// where the user's own known names, themes and config live.
pub fn config_dir() -> Option<std::path::PathBuf> {
    dirs::config_dir().map(|d| d.join("sidenote"))
}
