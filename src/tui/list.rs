//! The annotation list: every claim with its sources, verdict and note, then the sources
//! no claim cites, then what could not be placed in the text. Filtered by kind and by text.

use super::app::{App, Overlay};
use super::prompt::{Prompt, Purpose};
use crate::annotation::{Annotation, Kind, SourceKind};

/// Which annotations the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    #[default]
    All,
    Claims,
    Sources,
}

impl KindFilter {
    pub fn label(self) -> &'static str {
        match self {
            KindFilter::All => "all",
            KindFilter::Claims => "claims",
            KindFilter::Sources => "sources",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ListState {
    /// Index of the chosen item among those shown.
    pub chosen: usize,
    /// Only items whose text, verdict, note or sources hold this (any case).
    pub filter: String,
    pub kind: KindFilter,
}

/// The sourcing of an article at a glance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub claims: usize,
    pub unsourced: usize,
    pub named: usize,
    pub anonymous: usize,
    pub documents: usize,
    pub other: usize,
}

impl App {
    /// The annotations the list shows, in its order: claims in text order, then sources
    /// that no claim cites (every source, when only sources are shown), then orphans.
    pub fn listed(&self) -> Vec<&Annotation> {
        let annotations = &self.doc.annotations;
        let cited: Vec<&str> = annotations
            .iter()
            .flat_map(|a| a.sources.iter().map(String::as_str))
            .collect();
        let placed = |a: &&Annotation| a.range().is_some() || a.description.is_some();
        let claims = annotations
            .iter()
            .filter(|a| a.kind == Kind::Claim)
            .filter(placed);
        let loose = annotations
            .iter()
            .filter(|a| {
                a.kind == Kind::Source
                    && (self.list.kind == KindFilter::Sources || !cited.contains(&a.id.as_str()))
            })
            .filter(placed);
        let orphans = annotations.orphans();
        let filter = self.list.filter.to_lowercase();
        claims
            .chain(loose)
            .chain(orphans)
            .filter(|a| match self.list.kind {
                KindFilter::All => true,
                KindFilter::Claims => a.kind == Kind::Claim,
                KindFilter::Sources => a.kind == Kind::Source,
            })
            .filter(|a| filter.is_empty() || self.searchable(a).contains(&filter))
            .collect()
    }

    /// Everything the filter looks at, in lower case.
    fn searchable(&self, a: &Annotation) -> String {
        let mut text = format!(
            "{} {} {} {} {}",
            a.id,
            a.anchor.quote,
            a.verdict.as_deref().unwrap_or(""),
            a.note.as_deref().unwrap_or(""),
            a.description.as_deref().unwrap_or("")
        );
        for source in a
            .sources
            .iter()
            .filter_map(|id| self.doc.annotations.get(id))
        {
            text.push(' ');
            text.push_str(&self.source_name(source));
        }
        text.to_lowercase()
    }

    /// How a source is named in the list: its entity, its description, or its words.
    pub fn source_name(&self, source: &Annotation) -> String {
        if let Some(entity) = source
            .entity
            .as_deref()
            .and_then(|id| self.doc.entities.by_id(id))
        {
            return entity.name.clone();
        }
        if let Some(description) = &source.description {
            return description.clone();
        }
        source
            .anchor
            .quote
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The chosen annotation's id and kind.
    pub fn chosen_in_list(&self) -> Option<(String, Kind)> {
        let listed = self.listed();
        listed
            .get(self.list.chosen.min(listed.len().saturating_sub(1)))
            .map(|a| (a.id.clone(), a.kind))
    }

    pub(super) fn move_in_list(&mut self, down: bool) {
        let count = self.listed().len();
        self.list.chosen = if down {
            (self.list.chosen + 1).min(count.saturating_sub(1))
        } else {
            self.list.chosen.saturating_sub(1)
        };
    }

    /// Show the chosen annotation in the article.
    pub(super) fn jump_to_listed(&mut self) {
        let Some((id, _)) = self.chosen_in_list() else {
            return;
        };
        let Some(range) = self.doc.annotations.get(&id).and_then(Annotation::range) else {
            self.message = Some(format!("{id} is not in the text"));
            return;
        };
        self.cursor = self.doc.article.sentence_at(range.start);
        self.selection = None;
        self.scroll_to(range.start, range.end.saturating_sub(1).max(range.start));
    }

    pub(super) fn open_list_filter(&mut self) {
        let filter = self.list.filter.clone();
        self.overlay = Some(Overlay::Prompt(Box::new(Prompt::new(
            Purpose::ListFilter,
            &filter,
        ))));
    }

    pub(super) fn cycle_list_kind(&mut self) {
        self.list.kind = match self.list.kind {
            KindFilter::All => KindFilter::Claims,
            KindFilter::Claims => KindFilter::Sources,
            KindFilter::Sources => KindFilter::All,
        };
        self.list.chosen = 0;
        self.message = Some(format!("Showing {}", self.list.kind.label()));
    }

    /// Claims, claims without a source, and the sources by kind.
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for a in self.doc.annotations.iter() {
            match a.kind {
                Kind::Claim => {
                    summary.claims += 1;
                    if a.sources.is_empty() {
                        summary.unsourced += 1;
                    }
                }
                Kind::Source => match a.source_kind {
                    Some(SourceKind::Person | SourceKind::Organization) => summary.named += 1,
                    Some(SourceKind::Anonymous) => summary.anonymous += 1,
                    Some(SourceKind::Document) => summary.documents += 1,
                    _ if a.entity.is_some() => summary.named += 1,
                    _ => summary.other += 1,
                },
            }
        }
        summary
    }
}
