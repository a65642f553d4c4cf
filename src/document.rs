//! A document: an article with its entities and the editor's annotations, tied to its
//! sidecar. Every command opens one, so a broken sidecar stops them all alike.

use std::path::Path;

use crate::annotation::Annotations;
use crate::article::Article;
use crate::entity::{self, Entities};
use crate::error::Result;
use crate::sidecar::Sidecar;

pub struct Document {
    pub article: Article,
    pub entities: Entities,
    pub annotations: Annotations,
    sidecar: Sidecar,
    /// The sidecar was written for a different version of the text (its anchors were
    /// placed again, and some may be orphaned).
    pub article_changed: bool,
}

impl Document {
    /// Open an article and its sidecar (`sidecar` overrides the default path beside it).
    pub fn open(article: &Path, sidecar: Option<&Path>) -> Result<Document> {
        let article = Article::load(article)?;
        Document::from_article(article, sidecar)
    }

    /// Wrap an article already in memory.
    pub fn from_article(article: Article, sidecar: Option<&Path>) -> Result<Document> {
        let sidecar_path = match sidecar {
            Some(path) => path.to_path_buf(),
            None => Sidecar::default_path(article.path()),
        };
        let (sidecar, loaded) = Sidecar::open(&sidecar_path, &article)?;
        let entities = entity::detect(&article);
        Ok(Document {
            article,
            entities,
            annotations: loaded.annotations,
            sidecar,
            article_changed: loaded.article_changed,
        })
    }

    /// Write the annotations to the sidecar, atomically.
    pub fn save(&mut self) -> Result<()> {
        self.sidecar.save(&self.article, &self.annotations)
    }

    pub fn sidecar_path(&self) -> &Path {
        self.sidecar.path()
    }
}
