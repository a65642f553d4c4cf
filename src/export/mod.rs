//! What sidenote writes for other programs and people.

pub mod html;
mod json;
mod table;

pub use json::{EXPORT_FORMAT, entities_json, export_json, suggestions_json};
pub use table::{entities_table, suggestions_table};
