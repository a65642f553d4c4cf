//! `E`: export the annotations from the interface. A picker chooses the format (the
//! config's `export_format` to begin with), a prompt the file (beside the article by
//! default), and the status bar says where it went.

use super::app::{App, Overlay};
use super::picker::{Choice, Picker, Purpose, Target};
use super::prompt::{Prompt, Purpose as PromptPurpose};
use crate::export::{self, Format, Options};

impl App {
    pub(super) fn open_export(&mut self) {
        let choices = Format::ALL
            .iter()
            .map(|&format| Choice {
                label: format!("{:<12} {}", format.name(), format.about()),
                target: Target::Format(format),
                linked: false,
            })
            .collect();
        self.selection = None;
        let mut picker = Picker::new(Purpose::Export, choices);
        // The config's format is the one chosen to begin with, so `E enter` writes it.
        picker.chosen = Format::ALL
            .iter()
            .position(|&f| f == self.config.export_format)
            .unwrap_or(0);
        self.overlay = Some(Overlay::Picker(picker));
    }

    pub(super) fn ask_export_path(&mut self, format: Format) {
        let path = format.default_path(self.doc.article.path());
        self.overlay = Some(Overlay::Prompt(Box::new(Prompt::new(
            PromptPurpose::ExportPath(format),
            &path.display().to_string(),
        ))));
    }

    /// Write the export and say where, or why not.
    pub(super) fn export_to(&mut self, format: Format, path: &str) {
        if path.is_empty() {
            self.message = Some("No file given; nothing was exported".into());
            return;
        }
        let options = Options {
            verdicts: self.config.verdicts.clone(),
            theme: self.theme.name.clone(),
        };
        let written = export::render(&self.doc, format, &options)
            .and_then(|output| export::write(&output, std::path::Path::new(path), &self.doc));
        self.message = Some(match written {
            Ok(files) => {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                format!("Exported {} to {}", format.name(), names.join(" and "))
            }
            Err(err) => err.to_string(),
        });
    }
}
