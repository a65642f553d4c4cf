//! A document: an article with its entities and the editor's annotations, tied to its
//! sidecar. Every command opens one, so a broken sidecar stops them all alike.

use std::path::Path;

use crate::annotation::Annotations;
use crate::article::Article;
use crate::entity::{self, Correction, Entities};
use crate::error::Result;
use crate::sidecar::{Merge, Sidecar};
use crate::suggest::Rejection;

pub struct Document {
    pub article: Article,
    /// What detection found, before any correction.
    detected: Entities,
    /// The newsroom's known names (`entities.toml`).
    known: Vec<Correction>,
    /// The editor's entity corrections, kept in the sidecar.
    pub corrections: Vec<Correction>,
    /// Detection with the known names and the corrections applied: what everyone sees.
    pub entities: Entities,
    pub annotations: Annotations,
    /// Suggestions the editor rejected.
    pub rejected: Vec<Rejection>,
    sidecar: Sidecar,
    /// The sidecar was written for a different version of the text (its anchors were
    /// placed again, and some may be orphaned).
    pub article_changed: bool,
}

impl Document {
    /// Open an article and its sidecar (`sidecar` overrides the default path beside it),
    /// with the known names from `entities.toml` in the config folder and beside it.
    pub fn open(article: &Path, sidecar: Option<&Path>) -> Result<Document> {
        let known = entity::known::load_known_names(article)?;
        let article = Article::load(article)?;
        Document::from_article(article, sidecar, known)
    }

    /// Wrap an article already in memory.
    pub fn from_article(
        article: Article,
        sidecar: Option<&Path>,
        known: Vec<Correction>,
    ) -> Result<Document> {
        let sidecar_path = match sidecar {
            Some(path) => path.to_path_buf(),
            None => Sidecar::default_path(article.path()),
        };
        let (sidecar, loaded) = Sidecar::open(&sidecar_path, &article)?;
        let detected = entity::detect(&article);
        let entities = entity::apply(&article, detected.as_slice(), &known, &loaded.corrections);
        Ok(Document {
            article,
            detected,
            known,
            corrections: loaded.corrections,
            entities,
            annotations: loaded.annotations,
            rejected: loaded.rejected,
            sidecar,
            article_changed: loaded.article_changed,
        })
    }

    /// Write the annotations and corrections to the sidecar, atomically. When another
    /// program changed the sidecar, its changes are merged in first: the document takes
    /// the merged work, and what the merge did is returned.
    pub fn save(&mut self) -> Result<Option<Merge>> {
        let merged = self.sidecar.save(
            &self.article,
            &self.annotations,
            &self.corrections,
            &self.rejected,
        )?;
        let Some((work, report)) = merged else {
            return Ok(None);
        };
        let corrections_changed = work.corrections != self.corrections;
        self.annotations = work.annotations;
        self.corrections = work.corrections;
        self.rejected = work.rejected;
        if corrections_changed {
            self.refresh_entities();
        }
        Ok(Some(report))
    }

    /// Whether another program changed the sidecar since it was last read or written.
    pub fn sidecar_changed_on_disk(&self) -> bool {
        self.sidecar.changed_on_disk()
    }

    /// The sidecar file's hash as last read or written (see [`Sidecar::content_hash`]).
    pub fn sidecar_hash(&self) -> Option<String> {
        self.sidecar.content_hash()
    }

    /// Apply the corrections again after they changed.
    pub fn refresh_entities(&mut self) {
        self.entities = entity::apply(
            &self.article,
            self.detected.as_slice(),
            &self.known,
            &self.corrections,
        );
    }

    pub fn sidecar_path(&self) -> &Path {
        self.sidecar.path()
    }
}
