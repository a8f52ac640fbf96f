//! Which screen is up: home, set-up, or an open session of either activity.

use crate::store::Summary;
use crate::ui::open_session::OpenSession;
use crate::ui::rounds::RoundsScreen;
use crate::ui::setup::SetupForm;
use crate::ui::snapshot::SnapshotScreen;
use crate::workshop::SessionId;

/// The home screen.
#[derive(Debug, Clone, Default)]
pub struct Home {
    pub sessions: Vec<Summary>,
    pub problems: Vec<String>,
    /// 0 is "New workshop"; 1.. are sessions.
    pub selected: usize,
    /// Id of the last session sent to the trash, for `u`.
    pub last_deleted: Option<SessionId>,
}

/// Which screen is up.
#[derive(Debug, Clone)]
pub enum Screen {
    Home(Home),
    Setup(Box<SetupForm>),
    /// A sticky-note behavior activity session.
    Sticky(Box<OpenSession>),
    /// A Snapshot warm-up session (CPM Implementation Planning Guide); see [`crate::ui::snapshot`].
    Snapshot(Box<SnapshotScreen>),
    /// A rounds activity session (discussion rounds, values check); see [`crate::ui::rounds`].
    Rounds(Box<RoundsScreen>),
}
