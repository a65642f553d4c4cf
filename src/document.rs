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
    /// `detected` with the names that were added (known or the editor's) made entities,
    /// and those names: the other corrections start from it while the names stay the
    /// same. Finding the names is a search of the whole text.
    with_added: Option<(Vec<Correction>, Arc<Entities>)>,
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
        let mut doc = Document::unanalysed(article, sidecar, known)?;
        doc.find_entities(threads);
        Ok(doc)
    }

    /// Find the entities, on up to `threads` threads, and apply the known names and the
    /// corrections to them.
    pub fn find_entities(&mut self, threads: usize) {
        let detected = Arc::new(entity::detect_in_parts(&self.article, threads));
        let entities = Arc::new(self.apply(&detected));
        self.set_entities(detected, entities);
    }

    /// [`Document::from_article`] without the entities yet ([`Document::set_entities`]):
    /// the sidecar read, checked and placed.
    pub fn unanalysed(
        article: Article,
        sidecar: Option<&Path>,
        known: Vec<Correction>,
    ) -> Result<Document> {
        let sidecar_path = match sidecar {
            Some(path) => path.to_path_buf(),
            None => Sidecar::default_path(article.path()),
        };
        let unplaced = Sidecar::read(&sidecar_path)?;
        Ok(Document::placed(Arc::new(article), unplaced, known))
    }

    /// An article with its sidecar's annotations placed in it, and no entities yet
    /// (see [`Document::set_entities`]).
    pub fn placed(article: Arc<Article>, sidecar: Unplaced, known: Vec<Correction>) -> Document {
        let (sidecar, loaded) = sidecar.place(&article);
        Document {
            article,
            detected: Arc::default(),
            with_added: None,
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
            with_added: None,
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
        self.with_added = None;
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

    /// Apply the corrections again after they changed: [`Document::apply`], with the
    /// added names' search made again only when they changed (on 15 MB with two known
    /// names, a rename took 9 to 12 ms with it and 0.5 ms without).
    pub fn refresh_entities(&mut self) {
        let added = entity::added_names(&self.known, &self.corrections);
        let same = |(names, _): &(Vec<Correction>, _)| names.iter().eq(added.iter().copied());
        if !self.with_added.as_ref().is_some_and(same) {
            let base = if added.is_empty() {
                Arc::clone(&self.detected)
            } else {
                Arc::new(entity::with_added(&self.article, &self.detected, &added))
            };
            let names = added.into_iter().cloned().collect();
            self.with_added = Some((names, base));
        }
        let (_, base) = self.with_added.as_ref().expect("made above");
        self.entities = Arc::new(entity::correct(base, &self.corrections));
    }

    pub fn sidecar_path(&self) -> &Path {
        self.sidecar.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::EntityKind;

    /// Each entity in panel order with its aliases and kind, and each mention, in text
    /// order, with the name of its entity: what the panel and the article show.
    fn shown(doc: &Document, entities: &Entities) -> (Vec<String>, Vec<(String, String)>) {
        let panel = entities
            .iter()
            .map(|e| format!("{} {:?} {}", e.name, e.aliases, e.kind))
            .collect();
        let text = doc.article.text();
        let mentions = entities
            .mentions_in(0..text.len())
            .map(|(m, i)| (text[m].to_string(), entities.get(i).unwrap().name.clone()))
            .collect();
        (panel, mentions)
    }

    /// Corrections made one after another, some adding names and some not, with names from
    /// the newsroom's list: the entities after each are those applied afresh.
    #[test]
    fn entities_corrected_step_by_step_are_those_corrected_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let article = Article::load(Path::new("examples/long-feature.txt")).unwrap();
        let detected = entity::detect(&article);
        let found = detected.as_slice();
        // A surname on the newsroom's list, as an organisation of its own.
        let person = found.iter().find(|e| e.name.contains(' ')).unwrap();
        let surname = person.name.rsplit(' ').next().unwrap();
        let known = vec![Correction::added(
            surname,
            EntityKind::Organization,
            Vec::new(),
        )];
        let sidecar = dir.path().join("article.toml");
        let mut doc = Document::from_article(article, Some(&sidecar), known).unwrap();
        let (first, second, third) = (found[0].clone(), found[1].clone(), found[2].clone());
        let added = Correction::added(&third.name, EntityKind::Place, Vec::new());
        let renamed = Correction {
            name: Some("Renamed".into()),
            ..Correction::of(&first.id)
        };
        let merged = Correction {
            aliases: vec![second.name.clone()],
            ..Correction::of(&first.id)
        };
        let dismissed = Correction {
            dismissed: true,
            ..Correction::of(&third.id)
        };
        // The corrections after each step: a name added, then taken back.
        let steps = [
            vec![renamed.clone()],
            vec![renamed.clone(), added.clone()],
            vec![renamed.clone(), added, merged.clone()],
            vec![renamed.clone(), merged.clone()],
            vec![renamed, merged, dismissed],
        ];
        for corrections in steps {
            doc.corrections = corrections;
            doc.refresh_entities();
            let afresh = doc.apply(&doc.detected);
            assert!(
                shown(&doc, &doc.entities) == shown(&doc, &afresh),
                "{:?}",
                doc.corrections
            );
        }
    }
}
