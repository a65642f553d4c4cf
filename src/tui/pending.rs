//! Which suggestions are still waiting for the editor, worked out where they are needed
//! rather than for the whole article after every change: the screen asks for the few in
//! view, a jump for the next one along. So a key costs the same on a 15 MB article with
//! a hundred thousand suggestions as on a short one.
//!
//! A suggested claim is pending unless it was rejected or a claim already covers most of
//! it; it carries the open attributions of its statement. An attribution is open unless it
//! was rejected or its speaker is already a source of the claims over its statement (or,
//! with no claim there, a source at the speaker's words); it is pending on its own when no
//! pending claim carries it.

use std::ops::Range;

use super::app::App;
use crate::annotation::{Annotation, Kind};
use crate::suggest::{Attribution, SuggestionKind, Suggestions};

/// A suggestion still waiting for the editor, by index into the article's suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// A suggested claim, with the attributions whose statements it covers.
    Claim {
        index: usize,
        attributions: Vec<usize>,
    },
    /// An attribution of a statement that is not a pending claim.
    Attribution { index: usize },
}

/// A suggestion that may be pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    Claim(usize),
    Attribution(usize),
}

/// The suggestions in text order, and which claims and attributions go together; built
/// once for each set of suggestions.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    /// Every claim and attribution with the range it covers, by start.
    order: Vec<(Range<usize>, Candidate)>,
    /// The longest range in `order`, which bounds a search for those overlapping a range.
    longest: usize,
    /// For each claim, the attributions whose statements it mostly covers.
    claim_attributions: Links,
    /// For each attribution, the claims that mostly cover its statement.
    attribution_claims: Links,
}

/// For each item of a list, the indices of another it goes with, in one vector rather than
/// a vector each: 130,000 suggestions made as many small vectors.
#[derive(Debug, Clone, Default)]
struct Links {
    /// Where each item's indices start in `to`, and then where the last one's end.
    starts: Vec<usize>,
    to: Vec<usize>,
}

impl Links {
    fn of(&self, item: usize) -> &[usize] {
        &self.to[self.starts[item]..self.starts[item + 1]]
    }

    /// The same links seen from the other side, for `items` items there.
    fn reversed(&self, items: usize) -> Links {
        let mut starts = vec![0; items + 1];
        for &i in &self.to {
            starts[i + 1] += 1;
        }
        for i in 0..items {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut to = vec![0; self.to.len()];
        for item in 0..self.starts.len() - 1 {
            for &i in self.of(item) {
                to[next[i]] = item;
                next[i] += 1;
            }
        }
        Links { starts, to }
    }
}

/// Whether two ranges overlap by at least half of the shorter.
pub(super) fn mostly_overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    overlap * 2 >= a.len().min(b.len()).max(1)
}

/// The range an attribution covers: its statement and its speaker.
fn attribution_range(a: &Attribution) -> Range<usize> {
    a.range.start.min(a.speaker.range.start)..a.range.end.max(a.speaker.range.end)
}

impl Candidates {
    pub fn new(suggestions: &Suggestions) -> Candidates {
        let mut by_start: Vec<(Range<usize>, usize)> = suggestions
            .attributions
            .iter()
            .enumerate()
            .map(|(i, a)| (a.range.clone(), i))
            .collect();
        by_start.sort_by_key(|(r, _)| r.start);
        let longest_statement = by_start.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        let mut claim_attributions = Links {
            starts: Vec::with_capacity(suggestions.claims.len() + 1),
            to: Vec::new(),
        };
        claim_attributions.starts.push(0);
        for claim in suggestions.claims.iter() {
            let range = &claim.range;
            let from = by_start.partition_point(|(r, _)| r.start + longest_statement < range.start);
            let first = claim_attributions.to.len();
            claim_attributions.to.extend(
                by_start[from..]
                    .iter()
                    .take_while(|(r, _)| r.start < range.end.max(range.start + 1))
                    .filter(|(r, _)| mostly_overlap(r, range))
                    .map(|&(_, i)| i),
            );
            claim_attributions.to[first..].sort_unstable();
            claim_attributions.starts.push(claim_attributions.to.len());
        }
        let attribution_claims = claim_attributions.reversed(suggestions.attributions.len());
        let mut order: Vec<(Range<usize>, Candidate)> = suggestions
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.range.clone(), Candidate::Claim(i)))
            .chain(
                suggestions
                    .attributions
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (attribution_range(a), Candidate::Attribution(i))),
            )
            .collect();
        // Claims before attributions at the same start, as they were always listed.
        order.sort_by_key(|(r, c)| (r.start, matches!(c, Candidate::Attribution(_))));
        let longest = order.iter().map(|(r, _)| r.len()).max().unwrap_or(0);
        Candidates {
            order,
            longest,
            claim_attributions,
            attribution_claims,
        }
    }
}

impl App {
    /// The range a pending suggestion covers in the text.
    pub fn pending_range(&self, pending: &Pending) -> Range<usize> {
        match pending {
            Pending::Claim { index, .. } => self.suggestions.claims[*index].range.clone(),
            Pending::Attribution { index } => {
                attribution_range(&self.suggestions.attributions[*index])
            }
        }
    }

    /// The pending suggestions that overlap a range, in text order.
    pub fn pending_in(&self, range: Range<usize>) -> impl Iterator<Item = Pending> + '_ {
        let order = &self.candidates.order;
        let from = order.partition_point(|(r, _)| r.start + self.candidates.longest < range.start);
        let end = range.end.max(range.start + 1);
        order[from..]
            .iter()
            .take_while(move |(r, _)| r.start < end)
            .filter(move |(r, _)| range.start < r.end.max(r.start + 1))
            .filter_map(|&(_, candidate)| self.pending_of(candidate))
    }

    /// Every pending suggestion, in text order.
    pub fn pending(&self) -> impl Iterator<Item = Pending> + '_ {
        self.candidates
            .order
            .iter()
            .filter_map(|&(_, candidate)| self.pending_of(candidate))
    }

    /// The first pending suggestion that starts at or after `at` (or, backwards, the last
    /// that starts before it): the range it covers.
    pub(super) fn next_pending(&self, at: usize, forward: bool) -> Option<Range<usize>> {
        let order = &self.candidates.order;
        let split = order.partition_point(|(r, _)| r.start < at);
        let is_pending = |&&(_, c): &&(Range<usize>, Candidate)| self.pending_of(c).is_some();
        let found = if forward {
            order[split..].iter().find(is_pending)
        } else {
            order[..split].iter().rev().find(is_pending)
        };
        found.map(|(r, _)| r.clone())
    }

    /// Take in a new set of suggestions (the article's, after entity corrections).
    pub(super) fn set_suggestions(&mut self, suggestions: Suggestions) {
        self.candidates = Candidates::new(&suggestions);
        self.suggestions = suggestions;
    }

    fn pending_of(&self, candidate: Candidate) -> Option<Pending> {
        match candidate {
            Candidate::Claim(index) => self.claim_pending(index).then(|| Pending::Claim {
                index,
                attributions: self
                    .candidates
                    .claim_attributions
                    .of(index)
                    .iter()
                    .copied()
                    .filter(|&i| self.attribution_open(i))
                    .collect(),
            }),
            Candidate::Attribution(index) => (self.attribution_open(index)
                && !self
                    .candidates
                    .attribution_claims
                    .of(index)
                    .iter()
                    .any(|&c| self.claim_pending(c)))
            .then_some(Pending::Attribution { index }),
        }
    }

    fn claim_pending(&self, index: usize) -> bool {
        let range = &self.suggestions.claims[index].range;
        let doc = &self.doc;
        let claimed = doc
            .annotations
            .overlapping(range.clone())
            .any(|a| a.kind == Kind::Claim && a.range().is_some_and(|r| mostly_overlap(&r, range)));
        !claimed
            && !doc
                .rejected
                .iter()
                .any(|r| r.covers(SuggestionKind::Claim, range))
    }

    /// Not rejected, and its speaker not yet a source of the claims over its statement (or,
    /// with no claim there, a source at the speaker's words or for the speaker's entity).
    fn attribution_open(&self, index: usize) -> bool {
        let a = &self.suggestions.attributions[index];
        let doc = &self.doc;
        if doc
            .rejected
            .iter()
            .any(|r| r.covers(SuggestionKind::Attribution, &a.range))
        {
            return false;
        }
        let is_speaker = |source: &Annotation| {
            source.kind == Kind::Source
                && (source.range().is_some_and(|r| {
                    r.start < a.speaker.range.end && a.speaker.range.start < r.end
                }) || (a.speaker.entity.is_some() && source.entity == a.speaker.entity))
        };
        let mut claims = doc.annotations.overlapping(a.range.clone()).filter(|c| {
            c.kind == Kind::Claim && c.range().is_some_and(|r| mostly_overlap(&r, &a.range))
        });
        let done = match claims.next() {
            None => doc
                .annotations
                .overlapping(a.speaker.range.clone())
                .any(is_speaker),
            Some(first) => std::iter::once(first).chain(claims).all(|claim| {
                claim
                    .sources
                    .iter()
                    .filter_map(|id| doc.annotations.get(id))
                    .any(is_speaker)
            }),
        };
        !done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::suggest;

    /// Each claim goes with the attributions whose statements it mostly covers, and each
    /// attribution with those claims, as a search of every pair finds them.
    #[test]
    fn claims_and_attributions_go_together_as_every_pair_says() {
        let path = std::path::Path::new("examples/clinic-waiting-times.txt");
        let article = Article::load(path).unwrap();
        let entities = crate::entity::detect(&article);
        let suggestions = suggest::suggest(&article, &entities);
        let candidates = Candidates::new(&suggestions);
        let (claims, attributions) = (&suggestions.claims, &suggestions.attributions);
        let mut linked = 0;
        for (c, claim) in claims.iter().enumerate() {
            let expected: Vec<usize> = (0..attributions.len())
                .filter(|&a| mostly_overlap(&attributions[a].range, &claim.range))
                .collect();
            assert_eq!(candidates.claim_attributions.of(c), expected);
            linked += expected.len();
        }
        for (a, attribution) in attributions.iter().enumerate() {
            let expected: Vec<usize> = (0..claims.len())
                .filter(|&c| mostly_overlap(&attribution.range, &claims[c].range))
                .collect();
            assert_eq!(candidates.attribution_claims.of(a), expected);
        }
        assert!(linked > 3, "{linked}");
    }
}
