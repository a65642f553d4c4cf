//! The vocabulary between keys and state. Each keymap action is written in the keymap
//! file by its snake_case name; internal actions are not bindable.

use ratatui::crossterm::event::KeyEvent;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Leave sidenote. Everything is saved as it happens, so there is nothing to ask.
    Quit,
    /// Open the help overlay listing every key.
    ShowHelp,
    /// Move focus to the next pane (article → entities → article).
    FocusNext,
    /// Move focus to the previous pane.
    FocusPrevious,
    /// Export the annotations: choose a format in a picker, then the file to write.
    Export,

    /// Move the cursor to the next sentence.
    CursorDown,
    /// Move the cursor to the previous sentence.
    CursorUp,
    /// Move the cursor to the first sentence of the next paragraph.
    ParagraphDown,
    /// Move the cursor to the first sentence of this paragraph, or the previous one.
    ParagraphUp,
    /// Scroll half a screen down, taking the cursor along.
    PageDown,
    /// Scroll half a screen up, taking the cursor along.
    PageUp,
    /// Move the cursor to the first sentence.
    CursorTop,
    /// Move the cursor to the last sentence.
    CursorBottom,

    /// Tag the sentence under the cursor, or the selection, as a claim.
    TagClaim,
    /// Tag the sentence under the cursor, or the selection, as a source.
    TagSource,
    /// Open the picker to link the claim under the cursor to a source or entity.
    LinkClaim,
    /// Delete the annotation under the cursor (the innermost one).
    DeleteAnnotation,
    /// Undo the last change to the annotations.
    Undo,
    /// Redo what undo took back.
    Redo,

    /// Start a selection at the cursor's sentence, covering its first word.
    SelectStart,
    /// Move the selection's end to the start of the next word.
    SelectWordNext,
    /// Move the selection's end back to the start of the previous word.
    SelectWordBack,
    /// Move the selection's end to the end of the next word.
    SelectWordEnd,
    /// Move the selection's end one character right.
    SelectCharRight,
    /// Move the selection's end one character left.
    SelectCharLeft,
    /// Move the selection's end to the end of its sentence, or the next one.
    SelectSentenceNext,
    /// Move the selection's end to the start of its sentence, or the previous one.
    SelectSentenceBack,
    /// Drop the selection.
    SelectCancel,

    /// Choose the next entity in the panel.
    EntityDown,
    /// Choose the previous entity in the panel.
    EntityUp,
    /// Jump to the chosen entity's next mention and highlight it.
    EntityNextMention,
    /// Jump to the chosen entity's previous mention and highlight it.
    EntityPreviousMention,
    /// Filter the panel by name.
    EntityFilter,
    /// Rename the chosen entity.
    EntityRename,
    /// Change the chosen entity's type (person, organisation, place, other in turn).
    EntityRetype,
    /// Merge the chosen entity into another, chosen in a picker.
    EntityMerge,
    /// Dismiss the chosen entity: it is not an entity.
    EntityDismiss,
    /// Make the chosen entity a source: a source annotation on its mention, linked to it.
    EntitySource,
    /// Add the selected text as an entity; every occurrence becomes a mention.
    AddEntity,

    /// Move to the next suggestion still waiting for you.
    NextSuggestion,
    /// Move to the previous suggestion still waiting for you.
    PreviousSuggestion,
    /// Accept the suggestion here: a claim (with its sources and links), or a source.
    AcceptSuggestion,
    /// Reject the suggestion here; it is remembered and does not come back.
    RejectSuggestion,
    /// Accept every suggestion in the cursor's paragraph.
    AcceptParagraph,
    /// Set the verdict of the claim here, from the verdict scale.
    SetVerdict,
    /// Write a note on the annotation here.
    EditNote,
    /// Finish the note (it is saved).
    NoteDone,
    /// Change the kind of the source here: person, organisation, document, anonymous, other.
    CycleSourceKind,
    /// Select the inside of the quotation around the selection's end.
    SelectQuote,
    /// Select the clause around the selection's end.
    SelectClause,
    /// Select the sentence around the selection's end.
    SelectWholeSentence,
    /// Select the paragraph around the selection's end.
    SelectParagraph,

    /// Choose the next item in the annotation list.
    ListDown,
    /// Choose the previous item in the annotation list.
    ListUp,
    /// Jump to the chosen item in the text.
    ListJump,
    /// Filter the annotation list by its text, verdict, note or sources.
    ListFilter,
    /// Show all annotations, claims only or sources only.
    ListKind,

    /// List the orphans: annotations whose text is no longer in the article.
    ShowOrphans,
    /// Choose the next orphan.
    OrphanDown,
    /// Choose the previous orphan.
    OrphanUp,
    /// Attach the chosen orphan to the selection (or the sentence under the cursor).
    AttachOrphan,
    /// Close the orphan list.
    OrphansClose,

    /// Confirm what was typed in a prompt.
    PromptConfirm,
    /// Close a prompt without using what was typed.
    PromptCancel,

    /// Move to the next choice in the picker.
    PickerDown,
    /// Move to the previous choice in the picker.
    PickerUp,
    /// Link the claim to the chosen source or entity.
    PickerConfirm,
    /// Close the picker without linking.
    PickerCancel,
    /// Erase the last character of the picker's filter.
    PickerErase,

    /// Scroll the help down.
    HelpDown,
    /// Scroll the help up.
    HelpUp,
    /// Close the help.
    HelpClose,

    /// Type a character into the picker's filter (internal: any unbound printable key).
    #[serde(skip)]
    PickerType(char),
    /// A key for a prompt's text (internal: any key the prompt does not bind).
    #[serde(skip)]
    PromptInput(KeyEvent),
    /// A key for the note being written (internal: any key the note does not bind).
    #[serde(skip)]
    NoteInput(KeyEvent),
    /// The terminal changed size (internal).
    #[serde(skip)]
    Resize(u16, u16),
}
