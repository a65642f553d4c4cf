//! A document: an article with its entities and the editor's annotations, tied to its
//! sidecar. Every command opens one, so a broken sidecar stops them all alike.

use std::path::Path;
use std::sync::Arc;

use crate::annotation::Annotations;
use crate::article::Article;
use crate::entity::{self, Correction, Entities};
use crate::error::Result;
use crate::sidecar::{Merge, Sidecar, Unplaced};
use crate::suggest::Rejection;

pub struct Document {
    /// Shared with the thread that finds the entities and suggestions of a big article.
    pub article: Arc<Article>,
    /// What detection found, before any correction.
    detected: Arc<Entities>,
    /// The newsroom's known names (`entities.toml`).
    known: Vec<Correction>,
    /// The editor's entity corrections, kept in the sidecar.
    pub corrections: Vec<Correction>,
    /// Detection with the known names and the corrections applied: what everyone sees.
    /// Shared, like the article, with the thread that finds a big article's suggestions.
    pub entities: Arc<Entities>,
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
        Document::from_article_in_parts(article, sidecar, known, 1)
    }

    /// [`Document::from_article`], the same, with the entities found by up to `threads`
    /// threads at once ([`entity::detect_in_parts`]).
    pub fn from_article_in_parts(
        article: Article,
        sidecar: Option<&Path>,
        known: Vec<Correction>,
        threads: usize,
    ) -> Result<Document> {
        let sidecar_path = match sidecar {
            Some(path) => path.to_path_buf(),
            None => Sidecar::default_path(article.path()),
        };
        let unplaced = Sidecar::read(&sidecar_path)?;
        let mut doc = Document::placed(Arc::new(article), unplaced, known);
        let detected = Arc::new(entity::detect_in_parts(&doc.article, threads));
        let entities = Arc::new(doc.apply(&detected));
        doc.set_entities(detected, entities);
        Ok(doc)
    }

    /// An article with its sidecar's annotations placed in it, and no entities yet
    /// (see [`Document::set_entities`]).
    pub fn placed(article: Arc<Article>, sidecar: Unplaced, known: Vec<Correction>) -> Document {
        let (sidecar, loaded) = sidecar.place(&article);
        Document {
            article,
            detected: Arc::default(),
            known,
            corrections: loaded.corrections,
            entities: Arc::default(),
            annotations: loaded.annotations,
            rejected: loaded.rejected,
            sidecar,
            article_changed: loaded.article_changed,
        }
    }

    /// The first part of an article, shown while the whole is loading: no annotations,
    /// no entities, and a sidecar that is not read and cannot be written.
    pub fn preview(article: Article, sidecar: &Path) -> Document {
        Document {
            article: Arc::new(article),
            detected: Arc::default(),
            known: Vec::new(),
            corrections: Vec::new(),
            entities: Arc::default(),
            annotations: Annotations::default(),
            rejected: Vec::new(),
            sidecar: Sidecar::unread(sidecar),
            article_changed: false,
        }
    }

    /// What detection found, with the known names and these corrections applied.
    pub fn apply(&self, detected: &Entities) -> Entities {
        entity::apply(&self.article, detected, &self.known, &self.corrections)
    }

    /// Take in what detection found, and `entities`, the same with the known names and
    /// the corrections applied ([`Document::apply`]).
    pub fn set_entities(&mut self, detected: Arc<Entities>, entities: Arc<Entities>) {
        self.detected = detected;
        self.entities = entities;
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
        self.entities = Arc::new(self.apply(&self.detected));
    }

    pub fn sidecar_path(&self) -> &Path {
        self.sidecar.path()
    }
}
