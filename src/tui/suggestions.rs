//! Working through the suggestions: what is still pending, jumping between them, accepting
//! and rejecting. A suggested claim carries the attributions of its statement, so one `a`
//! makes the claim, its sources and the links between them.

use super::app::{App, Effect};
use crate::annotation::{Kind, SourceKind};
use crate::suggest::{Rejection, SuggestionKind};

pub use super::pending::Pending;
use super::pending::mostly_overlap;

impl App {
    /// The pending suggestion the cursor is on: the first that overlaps its sentence (or
    /// the selection).
    pub fn pending_here(&self) -> Option<Pending> {
        let here = self.target_range()?;
        self.pending_in(here).next()
    }

    /// Move the cursor to the next (or previous) pending suggestion.
    pub(super) fn jump_to_suggestion(&mut self, forward: bool) {
        let Some(sentence) = self.doc.article.sentences().get(self.cursor) else {
            return;
        };
        let here = sentence.range.clone();
        let target = if forward {
            self.next_pending(here.end, true)
        } else {
            self.next_pending(here.start, false)
        };
        match target {
            Some(range) => {
                self.selection = None;
                self.cursor = self.doc.article.sentence_at(range.start);
                self.mention = None;
                self.scroll_to_cursor();
                self.describe_suggestion();
            }
            None => self.message = Some("No more suggestions that way".into()),
        }
    }

    /// Say in the status bar what the suggestion under the cursor is and which rule found it.
    pub(super) fn describe_suggestion(&mut self) {
        let Some(pending) = self.pending_here() else {
            return;
        };
        let said = |i: &usize| {
            let a = &self.suggestions.attributions[*i];
            format!("said by {} ({})", a.speaker.name, a.rule)
        };
        self.message = Some(match &pending {
            Pending::Claim {
                index,
                attributions,
            } => {
                let mut text =
                    format!("Suggested claim ({})", self.suggestions.claims[*index].rule);
                for i in attributions {
                    text.push_str(&format!(", {}", said(i)));
                }
                text
            }
            Pending::Attribution { index } => format!("Suggested source: {}", said(index)),
        });
    }

    /// Accept the suggestion under the cursor.
    pub(super) fn accept_here(&mut self) -> Option<Effect> {
        let Some(pending) = self.pending_here() else {
            self.message = Some("No suggestion here".into());
            return None;
        };
        self.remember("accept a suggestion".into());
        let made = self.accept(&pending);
        self.message = Some(format!("Accepted: {made}"));
        Some(Effect::Save)
    }

    /// Accept every pending suggestion in the cursor's paragraph.
    pub(super) fn accept_paragraph(&mut self) -> Option<Effect> {
        let paragraph = self.doc.article.sentences().get(self.cursor)?.paragraph;
        let range = self.doc.article.paragraphs()[paragraph].range.clone();
        let here: Vec<Pending> = self
            .pending_in(range.clone())
            .filter(|p| self.pending_range(p).start >= range.start)
            .collect();
        if here.is_empty() {
            self.message = Some("No suggestions in this paragraph".into());
            return None;
        }
        self.remember(format!("accept {} suggestions", here.len()));
        for pending in &here {
            self.accept(pending);
        }
        self.message = Some(format!(
            "Accepted {} suggestions in paragraph {}",
            here.len(),
            paragraph + 1
        ));
        Some(Effect::Save)
    }

    /// Make the annotations a suggestion stands for; returns what was made, in words.
    fn accept(&mut self, pending: &Pending) -> String {
        match pending {
            Pending::Claim {
                index,
                attributions,
            } => {
                let range = self.suggestions.claims[*index].range.clone();
                let claim = self.new_annotation(Kind::Claim, range);
                let mut made = format!("claim {claim}");
                for &i in attributions {
                    let source = self.source_for(i);
                    self.doc.annotations.link(&claim, &source);
                    made.push_str(&format!(" with source {source}"));
                }
                made
            }
            Pending::Attribution { index } => {
                // The claims over the statement cite the source; when there is none, the
                // statement becomes one, since what someone is reported to say is what
                // gets checked.
                let statement = self.suggestions.attributions[*index].range.clone();
                let source = self.source_for(*index);
                let mut claims: Vec<String> = self
                    .doc
                    .annotations
                    .overlapping(statement.clone())
                    .filter(|a| {
                        a.kind == Kind::Claim
                            && a.range().is_some_and(|r| mostly_overlap(&r, &statement))
                    })
                    .map(|a| a.id.clone())
                    .collect();
                let made_claim = claims.is_empty();
                if made_claim {
                    claims.push(self.new_annotation(Kind::Claim, statement));
                }
                for claim in &claims {
                    self.doc.annotations.link(claim, &source);
                }
                if made_claim {
                    format!("claim {} with source {source}", claims[0])
                } else {
                    format!("source {source} for {}", claims.join(", "))
                }
            }
        }
    }

    /// The source annotation for an attribution's speaker: an existing one on the same
    /// words, or a new one linked to the speaker's entity, of the kind the words suggest.
    fn source_for(&mut self, attribution: usize) -> String {
        let speaker = self.suggestions.attributions[attribution].speaker.clone();
        let existing = self
            .doc
            .annotations
            .overlapping(speaker.range.clone())
            .find(|a| a.kind == Kind::Source && a.range() == Some(speaker.range.clone()))
            .map(|a| a.id.clone());
        if let Some(id) = existing {
            return id;
        }
        let entity_kind = speaker
            .entity
            .as_deref()
            .and_then(|id| self.doc.entities.by_id(id))
            .map(|e| e.kind);
        let kind = SourceKind::guess(&self.doc.article.text()[speaker.range.clone()], entity_kind);
        let id = self.new_annotation(Kind::Source, speaker.range);
        self.doc.annotations.edit(&id, |a| {
            a.entity = speaker.entity.clone();
            a.source_kind = Some(kind);
        });
        id
    }

    /// Reject the suggestion under the cursor; it is remembered and does not come back.
    pub(super) fn reject_here(&mut self) -> Option<Effect> {
        let Some(pending) = self.pending_here() else {
            self.message = Some("No suggestion here".into());
            return None;
        };
        let (kind, range) = match &pending {
            Pending::Claim { index, .. } => (
                SuggestionKind::Claim,
                self.suggestions.claims[*index].range.clone(),
            ),
            Pending::Attribution { index } => (
                SuggestionKind::Attribution,
                self.suggestions.attributions[*index].range.clone(),
            ),
        };
        self.remember("reject a suggestion".into());
        self.doc
            .rejected
            .push(Rejection::new(&self.doc.article, kind, range));
        self.message = Some(match kind {
            SuggestionKind::Claim => "Rejected the suggested claim".into(),
            SuggestionKind::Attribution => "Rejected the suggested source".into(),
        });
        Some(Effect::Save)
    }
}
