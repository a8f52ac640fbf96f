//! The kinds of step an activity script is made of. Content names them; the workshop domain
//! runs them, so this sits in the bottom layer and the domain imports it.

use serde::{Deserialize, Serialize};

/// One kind of step in the sticky-note activity (CPM Overview, FACILITATOR NOTE).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    Read,
    BrainstormAlready,
    ShareAlready,
    BrainstormEnhance,
    ShareEnhance,
    Commitment,
    WrapUp,
}

impl StepKind {
    /// The five steps every category goes through, in order.
    pub const PER_CATEGORY: [StepKind; 5] = [
        StepKind::Read,
        StepKind::BrainstormAlready,
        StepKind::ShareAlready,
        StepKind::BrainstormEnhance,
        StepKind::ShareEnhance,
    ];
}
