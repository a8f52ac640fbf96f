//! The set-up form's state: every field with a sensible default, checked in place.

use crate::content::{Deck, Library, Role};
use crate::ui::cycle::{Way, cycle};
use crate::workshop::duration::{Clock, parse_duration};
use crate::workshop::session::GROUPS_RANGE;
use crate::workshop::snapshot::SnapshotState;
use crate::workshop::{Activity, Durations, Mode, SessionSpec};
use time::OffsetDateTime;
use tui_input::Input;

/// The fields of the set-up form, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Which activity: the sticky-note behaviors or the Snapshot warm-up. First, because it
    /// decides which of the other fields there are.
    Activity,
    Name,
    /// The questions of discussion rounds, separated by `|`.
    Questions,
    Deck,
    Groups,
    GroupNames,
    Mode,
    Read,
    Brainstorm,
    Share,
    Commitment,
    Role,
}

impl Field {
    /// Every field in form order.
    pub const ALL: [Field; 12] = [
        Field::Activity,
        Field::Name,
        Field::Questions,
        Field::Deck,
        Field::Groups,
        Field::GroupNames,
        Field::Mode,
        Field::Read,
        Field::Brainstorm,
        Field::Share,
        Field::Commitment,
        Field::Role,
    ];

    /// The label shown beside the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Questions => "Questions",
            Field::Deck => "Deck",
            Field::Groups => "Groups",
            Field::GroupNames => "Group names",
            Field::Mode => "Mode",
            Field::Read => "Read step",
            Field::Brainstorm => "Brainstorm",
            Field::Share => "Share",
            Field::Commitment => "Commitment",
            Field::Role => "Role filter",
            Field::Activity => "Activity",
        }
    }

    /// Whether the field is typed into (rather than cycled with ←/→).
    pub fn is_text(self) -> bool {
        !matches!(
            self,
            Field::Deck | Field::Mode | Field::Role | Field::Activity
        )
    }
}

/// Text shown in the Read field when the read step has no countdown.
pub const UNTIMED: &str = "untimed";

/// Separates the questions in the set-up's Questions field.
pub const QUESTION_SEPARATOR: char = '|';

/// The questions field's text for a script's items: each written as a trainer would type it
/// (a leading `?` on those to follow up), separated by ` | `.
pub fn questions_text(activity: &crate::content::RoundsActivity) -> String {
    activity
        .items
        .iter()
        .map(|i| {
            if i.follow_up {
                format!("? {}", i.text)
            } else {
                i.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(&format!(" {QUESTION_SEPARATOR} "))
}

/// The questions typed in the Questions field, blank ones dropped.
pub fn typed_questions(text: &str) -> Vec<String> {
    text.split(QUESTION_SEPARATOR)
        .map(|q| crate::workshop::text::sanitize_line(q).trim().to_string())
        .filter(|q| !crate::workshop::rounds::split_follow_up(q).0.is_empty())
        .collect()
}

/// The set-up form.
#[derive(Debug, Clone)]
pub struct SetupForm {
    pub focus: Field,
    pub name: Input,
    pub deck: usize,
    pub groups: Input,
    pub group_names: Input,
    pub mode: Mode,
    pub read: Input,
    pub brainstorm: Input,
    pub share: Input,
    pub commitment: Input,
    pub role: Option<Role>,
    pub activity: Activity,
    /// The discussion's questions, separated by `|` (a leading `?` marks one to follow up).
    pub questions: Input,
    /// Fields refused on the last try to start, with the reason.
    pub errors: Vec<(Field, String)>,
}

impl SetupForm {
    /// A form filled with the defaults: practice deck, 4 groups, all together, the CPM Overview's times.
    pub fn new(library: &Library, now: OffsetDateTime) -> SetupForm {
        let d = Durations::default();
        let deck = library
            .decks()
            .iter()
            .position(|x| x.id == library.default_deck().id)
            .unwrap_or(0);
        SetupForm {
            // On the activity, so a Snapshot warm-up is one → away.
            focus: Field::Activity,
            name: Input::new(crate::workshop::session::default_name(now)),
            deck,
            groups: Input::new("4".into()),
            group_names: Input::default(),
            mode: Mode::Together,
            read: Input::new(UNTIMED.into()),
            brainstorm: Input::new(Clock(d.brainstorm.into()).to_string()),
            share: Input::new(Clock(d.share.into()).to_string()),
            commitment: Input::new(Clock(d.commitment.into()).to_string()),
            role: None,
            activity: Activity::Sticky,
            questions: Input::new(questions_text(&library.discussion)),
            errors: Vec::new(),
        }
    }

    /// The fields shown for the chosen deck (the role filter only where a deck has role items);
    /// a Snapshot warm-up needs only a name.
    pub fn visible_fields(&self, library: &Library) -> Vec<Field> {
        match self.activity {
            Activity::Snapshot => return vec![Field::Activity, Field::Name],
            Activity::Discussion => {
                return vec![
                    Field::Activity,
                    Field::Name,
                    Field::Questions,
                    Field::Groups,
                    Field::GroupNames,
                    Field::Brainstorm,
                    Field::Share,
                ];
            }
            Activity::Values => {
                return vec![
                    Field::Activity,
                    Field::Name,
                    Field::Groups,
                    Field::GroupNames,
                    Field::Brainstorm,
                ];
            }
            Activity::Sticky => {}
        }
        let has_roles = library
            .decks()
            .get(self.deck)
            .is_some_and(Deck::has_role_items);
        Field::ALL
            .into_iter()
            .filter(|f| *f != Field::Questions && (*f != Field::Role || has_roles))
            .collect()
    }

    /// The text input behind a text field.
    pub fn input_mut(&mut self, field: Field) -> Option<&mut Input> {
        Some(match field {
            Field::Name => &mut self.name,
            Field::Questions => &mut self.questions,
            Field::Groups => &mut self.groups,
            Field::GroupNames => &mut self.group_names,
            Field::Read => &mut self.read,
            Field::Brainstorm => &mut self.brainstorm,
            Field::Share => &mut self.share,
            Field::Commitment => &mut self.commitment,
            _ => return None,
        })
    }

    /// Read-only access to a text field.
    pub fn input(&self, field: Field) -> Option<&Input> {
        Some(match field {
            Field::Name => &self.name,
            Field::Questions => &self.questions,
            Field::Groups => &self.groups,
            Field::GroupNames => &self.group_names,
            Field::Read => &self.read,
            Field::Brainstorm => &self.brainstorm,
            Field::Share => &self.share,
            Field::Commitment => &self.commitment,
            _ => return None,
        })
    }

    /// Moves focus up or down among the visible fields.
    pub fn move_focus(&mut self, library: &Library, way: Way) {
        let fields = self.visible_fields(library);
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        if let Some(next) = fields.get(cycle(at, fields.len(), way)) {
            self.focus = *next;
        }
    }

    /// ←/→ on a choice field (or the group count): cycles the value.
    pub fn cycle(&mut self, library: &Library, way: Way) {
        let forward = way == Way::Forward;
        match self.focus {
            Field::Deck => {
                let n = library.decks().len().max(1);
                self.deck = if forward {
                    (self.deck + 1) % n
                } else {
                    (self.deck + n - 1) % n
                };
                if !self.visible_fields(library).contains(&Field::Role) {
                    self.role = None;
                }
            }
            Field::Mode => {
                self.mode = match self.mode {
                    Mode::Together => Mode::Rotation,
                    Mode::Rotation => Mode::Together,
                }
            }
            Field::Role => {
                let order = [
                    None,
                    Some(Role::Supervisors),
                    Some(Role::Managers),
                    Some(Role::Directors),
                ];
                let at = order.iter().position(|r| *r == self.role).unwrap_or(0);
                let next = if forward {
                    at + 1
                } else {
                    at + order.len() - 1
                } % order.len();
                self.role = order[next];
            }
            Field::Activity => {
                const ORDER: [Activity; 4] = [
                    Activity::Sticky,
                    Activity::Snapshot,
                    Activity::Discussion,
                    Activity::Values,
                ];
                let at = ORDER.iter().position(|a| *a == self.activity).unwrap_or(0);
                let next = if forward {
                    at + 1
                } else {
                    at + ORDER.len() - 1
                } % ORDER.len();
                self.activity = ORDER[next];
                self.set_times_for_activity(library);
                self.errors.clear();
            }
            Field::Groups => {
                let n: u32 = self.groups.value().trim().parse().unwrap_or(4);
                let n = if forward { n + 1 } else { n.saturating_sub(1) };
                let n = n.clamp(*GROUPS_RANGE.start(), *GROUPS_RANGE.end());
                self.groups = Input::new(n.to_string());
            }
            _ => {}
        }
    }

    /// The talk and share times of the chosen activity's script (the CPM Overview's times for
    /// the sticky-note activity).
    fn set_times_for_activity(&mut self, library: &Library) {
        let d = match self.activity {
            Activity::Discussion => crate::workshop::rounds::durations_for(&library.discussion),
            Activity::Values => crate::workshop::rounds::durations_for(&library.values),
            Activity::Sticky | Activity::Snapshot => Durations::default(),
        };
        self.brainstorm = Input::new(Clock(d.brainstorm.into()).to_string());
        self.share = Input::new(Clock(d.share.into()).to_string());
    }

    /// The label of a field for the chosen activity (the brainstorm is a talk in groups in the
    /// rounds activities).
    pub fn label(&self, field: Field) -> &'static str {
        match (self.activity, field) {
            (Activity::Discussion | Activity::Values, Field::Brainstorm) => "Talk",
            (Activity::Discussion, Field::Share) => "Share",
            _ => field.label(),
        }
    }

    /// The planned time of the sticky-note activity as the form stands: seconds for one
    /// category's round and for the whole activity (all categories, then the commitment), or
    /// `None` while a field is not valid.
    pub fn planned_seconds(&self, library: &Library) -> Option<(u32, u32)> {
        let spec = self.validate(library).ok()?;
        (spec.activity == Activity::Sticky).then(|| {
            (
                spec.durations.per_category(),
                spec.durations.whole(spec.categories.len()),
            )
        })
    }

    /// Checks every field; the spec to create, or the refused fields with reasons.
    pub fn validate(&self, library: &Library) -> Result<SessionSpec, Vec<(Field, String)>> {
        let mut errors = Vec::new();
        let name = self.name.value().trim().to_string();
        if crate::workshop::text::sanitize_line(&name).is_empty() {
            errors.push((Field::Name, "give the workshop a name".to_string()));
        }
        if self.activity == Activity::Snapshot {
            if !errors.is_empty() {
                return Err(errors);
            }
            return Ok(SnapshotState::session_spec(&name, &library.snapshot));
        }
        let groups = match self.groups.value().trim().parse::<u32>() {
            Ok(n) if GROUPS_RANGE.contains(&n) => n,
            _ => {
                errors.push((
                    Field::Groups,
                    format!(
                        "{:?} is not a number of groups from {} to {}",
                        self.groups.value(),
                        GROUPS_RANGE.start(),
                        GROUPS_RANGE.end()
                    ),
                ));
                4
            }
        };
        let group_names: Vec<String> = self
            .group_names
            .value()
            .split(',')
            .map(|s| s.trim().to_string())
            .collect();
        let named = group_names.iter().filter(|n| !n.is_empty()).count();
        if named > groups as usize {
            errors.push((
                Field::GroupNames,
                format!("{named} names for {groups} groups"),
            ));
        }
        let mut duration = |field: Field, input: &Input| match parse_duration(input.value()) {
            Ok(s) => s,
            Err(e) => {
                errors.push((field, e.to_string()));
                0
            }
        };
        let brainstorm = duration(Field::Brainstorm, &self.brainstorm);
        let share = duration(Field::Share, &self.share);
        let commitment = duration(Field::Commitment, &self.commitment);
        let read_text = self.read.value().trim();
        let read = if read_text.is_empty() || read_text.eq_ignore_ascii_case(UNTIMED) {
            None
        } else {
            Some(duration(Field::Read, &self.read))
        };
        if matches!(self.activity, Activity::Discussion | Activity::Values) {
            let categories = match self.activity {
                Activity::Discussion => typed_questions(self.questions.value()),
                _ => library.values.item_texts(),
            };
            if categories.is_empty() {
                errors.push((Field::Questions, "type at least one question".to_string()));
            } else if categories.len() > crate::content::rounds::MAX_ITEMS {
                errors.push((
                    Field::Questions,
                    format!(
                        "{} questions; at most {}",
                        categories.len(),
                        crate::content::rounds::MAX_ITEMS
                    ),
                ));
            }
            if !errors.is_empty() {
                return Err(errors);
            }
            return Ok(SessionSpec {
                name,
                activity: self.activity,
                deck: self.activity.id().to_string(),
                categories,
                groups,
                group_names,
                mode: Mode::Together,
                durations: Durations {
                    read: None,
                    brainstorm,
                    share,
                    commitment,
                },
                role: None,
            });
        }
        let Some(deck) = library.decks().get(self.deck) else {
            errors.push((Field::Deck, "no deck is loaded".to_string()));
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(SessionSpec {
            name,
            activity: Activity::Sticky,
            deck: deck.id.clone(),
            categories: deck.category_names(),
            groups,
            group_names,
            mode: self.mode,
            durations: Durations {
                read,
                brainstorm,
                share,
                commitment,
            },
            role: self.role,
        })
    }

    /// The reason a field was refused, if it was.
    pub fn error(&self, field: Field) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.as_str())
    }
}
