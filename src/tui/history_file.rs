//! The undo history on disk, so that undo and redo survive a restart.
//!
//! It lives beside the sidecar as a hidden file, `.<sidecar name without .toml>.history`
//! (`.report.txt.sidenote.history`), written atomically after every save. It holds the
//! last [`STEPS`] steps each way, each as the change that turns the next newer state into
//! it (so a step costs what it changed, not the whole sidecar), and the hash of the
//! sidecar it ends at. When the sidecar on disk is not that one (another program or a
//! `git pull` changed it), the history is dropped rather than undo into a wrong state.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::app::App;
use super::history::{History, Snapshot};
use crate::document::Document;
use crate::sidecar::{self, Delta, Work};

/// How many steps of undo (and of redo) are kept on disk.
pub const STEPS: usize = 100;

const FORMAT: &str = "sidenote-history/1";

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    /// BLAKE3 (hex) of the sidecar this history ends at.
    sidecar: String,
    /// Oldest first.
    past: Vec<Step>,
    /// Farthest first; the last is the next redo.
    future: Vec<Step>,
}

/// One step: the records to put in and take out, each as sidecar text.
#[derive(Serialize, Deserialize)]
struct Step {
    label: String,
    set: String,
    unset: String,
}

/// Where the history of a sidecar is kept.
pub fn history_path(sidecar: &Path) -> PathBuf {
    let name = sidecar.file_name().unwrap_or_default().to_string_lossy();
    let stem = name.strip_suffix(".toml").unwrap_or(&name);
    sidecar.with_file_name(format!(".{stem}.history"))
}

impl App {
    /// Write the history beside the sidecar; called after each successful save. A history
    /// that cannot be written is only a lost convenience, so it is not an error.
    pub(super) fn save_history(&self) {
        let Some(hash) = self.doc.sidecar_hash() else {
            return;
        };
        let current = self.snapshot();
        let file = File {
            format: FORMAT.to_string(),
            sidecar: hash,
            past: steps(&self.doc, &current, &self.history.past),
            future: steps(&self.doc, &current, &self.history.future),
        };
        let path = history_path(self.doc.sidecar_path());
        if file.past.is_empty() && file.future.is_empty() {
            let _ = std::fs::remove_file(path);
            return;
        }
        if let Ok(json) = serde_json::to_vec(&file) {
            let _ = write_replacing(&path, &json);
        }
    }

    /// Take the history kept beside the sidecar, if it ends at the sidecar as opened.
    pub(super) fn load_history(&mut self) {
        if let Some(history) = read(&self.doc, &self.snapshot()) {
            self.history = history;
        }
    }
}

/// A stack of snapshots as steps, newest last, each relative to the next newer one.
fn steps(doc: &Document, current: &Snapshot, stack: &[(Snapshot, String)]) -> Vec<Step> {
    let kept = &stack[stack.len().saturating_sub(STEPS)..];
    let mut newer = current;
    let mut out: Vec<Step> = Vec::with_capacity(kept.len());
    for (snapshot, label) in kept.iter().rev() {
        let delta = Delta::between(newer, snapshot);
        out.push(Step {
            label: label.clone(),
            set: text(doc, &delta.set),
            unset: text(doc, &delta.unset),
        });
        newer = snapshot;
    }
    out.reverse();
    out
}

fn text(doc: &Document, work: &Work) -> String {
    sidecar::serialise(
        &doc.article,
        &work.annotations,
        &work.corrections,
        &work.rejected,
    )
}

fn read(doc: &Document, current: &Snapshot) -> Option<History> {
    let path = history_path(doc.sidecar_path());
    let bytes = std::fs::read(&path).ok()?;
    let file: File = serde_json::from_slice(&bytes).ok()?;
    if file.format != FORMAT || Some(&file.sidecar) != doc.sidecar_hash().as_ref() {
        return None;
    }
    let stack = |steps: Vec<Step>| -> Option<Vec<(Snapshot, String)>> {
        let mut state = current.clone();
        let mut out = Vec::with_capacity(steps.len());
        for step in steps.into_iter().rev() {
            let delta = Delta {
                set: work(doc, &path, &step.set)?,
                unset: work(doc, &path, &step.unset)?,
            };
            delta.apply(&mut state);
            out.push((state.clone(), step.label));
        }
        out.reverse();
        Some(out)
    };
    Some(History {
        past: stack(file.past)?,
        future: stack(file.future)?,
    })
}

fn work(doc: &Document, path: &Path, text: &str) -> Option<Work> {
    let loaded = sidecar::parse(path, text.as_bytes(), &doc.article).ok()?;
    Some(Work {
        annotations: loaded.annotations,
        corrections: loaded.corrections,
        rejected: loaded.rejected,
    })
}

/// Replace a file by renaming a new one over it: readers see the old or the new history,
/// never half of one. It is not flushed to disk, since a history lost in a power cut is
/// only dropped (it no longer matches the sidecar), and flushing on every key costs time.
fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let mut temp = tempfile::Builder::new()
        .prefix(".sidenote-history.")
        .suffix(".tmp")
        .tempfile_in(dir.unwrap_or(Path::new(".")))?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}
