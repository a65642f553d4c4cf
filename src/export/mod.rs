//! What sidenote writes for other programs and people.

mod json;
mod table;

pub use json::{entities_json, export_json, EXPORT_FORMAT};
pub use table::entities_table;
