//! A record of any list-kept kind, tagged with its kind: how the UI sends and receives
//! records through one set of commands.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    CaseStudy, Certification, Edition, Education, Entity, EntityKind, Experience, Invalid, Recommendation, Skill,
    Writing,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "item", rename_all = "kebab-case")]
pub enum Record {
    CaseStudy(CaseStudy),
    Recommendation(Recommendation),
    Skill(Skill),
    Experience(Experience),
    Certification(Certification),
    Education(Education),
    Writing(Writing),
    Edition(Edition),
}

/// Calls `$f` with the record's inner value, whatever its kind.
macro_rules! each_kind {
    ($record:expr, $inner:ident => $f:expr) => {
        match $record {
            Record::CaseStudy($inner) => $f,
            Record::Recommendation($inner) => $f,
            Record::Skill($inner) => $f,
            Record::Experience($inner) => $f,
            Record::Certification($inner) => $f,
            Record::Education($inner) => $f,
            Record::Writing($inner) => $f,
            Record::Edition($inner) => $f,
        }
    };
}

impl Record {
    /// A new record of `kind` with placeholder text where a field is required, so that
    /// it is valid from its first save and the editor can open on it.
    pub fn blank(kind: EntityKind) -> Record {
        match kind {
            EntityKind::CaseStudy => {
                Record::CaseStudy(CaseStudy { title: "Untitled case study".into(), ..Default::default() })
            }
            // No made-up author: the field starts empty, for the person's name.
            EntityKind::Recommendation => Record::Recommendation(Recommendation::default()),
            EntityKind::Skill => Record::Skill(Skill { name: "New skill".into(), ..Default::default() }),
            EntityKind::Experience => Record::Experience(Experience {
                title: "New role".into(),
                organisation: "Organisation".into(),
                ..Default::default()
            }),
            EntityKind::Certification => {
                Record::Certification(Certification { name: "New certification".into(), ..Default::default() })
            }
            EntityKind::Education => {
                Record::Education(Education { institution: "Institution".into(), ..Default::default() })
            }
            EntityKind::Writing => Record::Writing(Writing { title: "Untitled".into(), ..Default::default() }),
            EntityKind::Edition => Record::Edition(Edition { name: "New edition".into(), ..Default::default() }),
        }
    }

    pub fn kind(&self) -> EntityKind {
        each_kind!(self, r => entity_kind(r))
    }

    pub fn validate(&self) -> Result<(), Invalid> {
        each_kind!(self, r => r.validate())
    }

    pub fn title(&self) -> String {
        each_kind!(self, r => r.title())
    }
}

fn entity_kind<E: Entity>(_: &E) -> EntityKind {
    E::KIND
}

/// Conversion between a typed record and the tagged [`Record`].
pub trait AsRecord: Entity {
    fn into_record(self) -> Record;
    fn from_record(record: Record) -> Option<Self>;
}

macro_rules! as_record {
    ($($variant:ident),*) => {$(
        impl AsRecord for $variant {
            fn into_record(self) -> Record {
                Record::$variant(self)
            }

            fn from_record(record: Record) -> Option<Self> {
                match record {
                    Record::$variant(r) => Some(r),
                    _ => None,
                }
            }
        }
    )*};
}

as_record!(CaseStudy, Recommendation, Skill, Experience, Certification, Education, Writing, Edition);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_travel_tagged_with_their_kind() {
        let r = Record::Skill(Skill { name: "Rust".into(), ..Skill::default() });
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["kind"], "skill");
        assert_eq!(json["item"]["name"], "Rust");
        assert_eq!(serde_json::from_value::<Record>(json).unwrap(), r);
        assert_eq!(r.kind(), EntityKind::Skill);
    }

    #[test]
    fn a_blank_record_of_every_kind_is_valid() {
        for kind in EntityKind::ALL {
            let blank = Record::blank(kind);
            assert_eq!(blank.kind(), kind);
            assert!(blank.validate().is_ok(), "{kind:?}");
        }
    }
}
