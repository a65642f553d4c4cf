//! Verdicts and source kinds, and what "the annotation here" is for the keys that act on
//! one annotation.

use super::app::{App, Effect, Focus, Overlay};
use super::picker::{Choice, Picker, Purpose, Target};
use crate::annotation::{Kind, SourceKind};

impl App {
    /// The annotation the keys act on: in the list, the chosen one; in the article, the
    /// innermost one overlapping the cursor's sentence (or the selection), claims first.
    pub fn annotation_here(&self) -> Option<String> {
        if self.focus == Focus::Annotations {
            return self.chosen_in_list().map(|(id, _)| id);
        }
        let range = self.target_range()?;
        let overlapping: Vec<_> = self.doc.annotations.overlapping(range).collect();
        overlapping
            .iter()
            .filter(|a| a.kind == Kind::Claim)
            .chain(overlapping.iter().filter(|a| a.kind == Kind::Source))
            .min_by_key(|a| {
                (
                    a.kind != Kind::Claim,
                    a.range().map_or(usize::MAX, |r| r.len()),
                )
            })
            .map(|a| a.id.clone())
    }

    /// The claim the keys act on, if the annotation here is one.
    fn claim_for_keys(&self) -> Option<String> {
        if self.focus == Focus::Annotations {
            return self
                .chosen_in_list()
                .and_then(|(id, kind)| (kind == Kind::Claim).then_some(id));
        }
        self.claim_here().map(|a| a.id.clone())
    }

    pub(super) fn open_verdicts(&mut self) {
        let Some(claim) = self.claim_for_keys() else {
            self.message = Some("No claim here to give a verdict".into());
            return;
        };
        let current = self
            .doc
            .annotations
            .get(&claim)
            .and_then(|a| a.verdict.clone());
        let mut choices: Vec<Choice> = self
            .config
            .verdicts
            .iter()
            .map(|v| Choice {
                label: v.clone(),
                target: Target::Verdict(Some(v.clone())),
                linked: current.as_deref() == Some(v.as_str()),
            })
            .collect();
        // Start on the claim's verdict, so that `V` `enter` changes nothing.
        let chosen = choices.iter().position(|c| c.linked).unwrap_or(0);
        choices.push(Choice {
            label: "(no verdict)".into(),
            target: Target::Verdict(None),
            linked: current.is_none(),
        });
        let mut picker = Picker::new(Purpose::Verdict { claim }, choices);
        picker.chosen = chosen;
        self.overlay = Some(Overlay::Picker(picker));
    }

    pub(super) fn set_verdict(&mut self, claim: &str, verdict: Option<String>) -> Option<Effect> {
        let current = self.doc.annotations.get(claim)?.verdict.clone();
        if current == verdict {
            return None;
        }
        self.remember(format!("verdict on {claim}"));
        self.doc
            .annotations
            .edit(claim, |a| a.verdict = verdict.clone());
        self.message = Some(match verdict {
            Some(v) => format!("{claim}: {v}"),
            None => format!("{claim}: no verdict"),
        });
        Some(Effect::Save)
    }

    /// Change the kind of the source here to the next one.
    pub(super) fn cycle_source_kind(&mut self) -> Option<Effect> {
        let range = self.target_range()?;
        let source = self
            .doc
            .annotations
            .overlapping(range)
            .filter(|a| a.kind == Kind::Source)
            .min_by_key(|a| a.range().map_or(usize::MAX, |r| r.len()))
            .map(|a| (a.id.clone(), a.source_kind));
        let Some((id, kind)) = source else {
            self.message = Some("No source here".into());
            return None;
        };
        let all = SourceKind::ALL;
        let next = match kind {
            Some(kind) => all[(all.iter().position(|k| *k == kind).unwrap_or(0) + 1) % all.len()],
            None => all[0],
        };
        self.remember(format!("kind of {id}"));
        self.doc
            .annotations
            .edit(&id, |a| a.source_kind = Some(next));
        self.message = Some(format!("{id} is a source of kind: {}", next.label()));
        Some(Effect::Save)
    }
}
