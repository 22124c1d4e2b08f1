//! Records of any kind through one door, for the desktop app's generic commands.

use folio_model::{
    AsRecord, CaseStudy, Certification, Education, EntityKind, Experience, Recommendation, Record, Skill, Stored,
    Writing,
};
use uuid::Uuid;

use crate::{Edition, Folio, Result};

fn tagged<E: AsRecord>(stored: Stored<E>) -> Stored<Record> {
    Stored {
        id: stored.id,
        created_at: stored.created_at,
        updated_at: stored.updated_at,
        item: stored.item.into_record(),
    }
}

fn list_as<E: AsRecord>(folio: &Folio) -> Result<Vec<Stored<Record>>> {
    Ok(folio.list::<E>()?.into_iter().map(tagged).collect())
}

impl Folio {
    /// Every live record of `kind`, in manual order.
    pub fn list_records(&self, kind: EntityKind) -> Result<Vec<Stored<Record>>> {
        match kind {
            EntityKind::CaseStudy => list_as::<CaseStudy>(self),
            EntityKind::Recommendation => list_as::<Recommendation>(self),
            EntityKind::Skill => list_as::<Skill>(self),
            EntityKind::Experience => list_as::<Experience>(self),
            EntityKind::Certification => list_as::<Certification>(self),
            EntityKind::Education => list_as::<Education>(self),
            EntityKind::Writing => list_as::<Writing>(self),
            EntityKind::Edition => list_as::<Edition>(self),
        }
    }

    /// The live record `id` of `kind`.
    pub fn get_record(&self, kind: EntityKind, id: Uuid) -> Result<Stored<Record>> {
        match kind {
            EntityKind::CaseStudy => self.get::<CaseStudy>(id).map(tagged),
            EntityKind::Recommendation => self.get::<Recommendation>(id).map(tagged),
            EntityKind::Skill => self.get::<Skill>(id).map(tagged),
            EntityKind::Experience => self.get::<Experience>(id).map(tagged),
            EntityKind::Certification => self.get::<Certification>(id).map(tagged),
            EntityKind::Education => self.get::<Education>(id).map(tagged),
            EntityKind::Writing => self.get::<Writing>(id).map(tagged),
            EntityKind::Edition => self.get::<Edition>(id).map(tagged),
        }
    }

    pub fn create_record(&self, record: &Record) -> Result<Stored<Record>> {
        Ok(match record.clone() {
            Record::CaseStudy(r) => tagged(self.create(&r)?),
            Record::Recommendation(r) => tagged(self.create(&r)?),
            Record::Skill(r) => tagged(self.create(&r)?),
            Record::Experience(r) => tagged(self.create(&r)?),
            Record::Certification(r) => tagged(self.create(&r)?),
            Record::Education(r) => tagged(self.create(&r)?),
            Record::Writing(r) => tagged(self.create(&r)?),
            Record::Edition(r) => tagged(self.create(&r)?),
        })
    }

    pub fn update_record(&self, id: Uuid, record: &Record) -> Result<Stored<Record>> {
        Ok(match record.clone() {
            Record::CaseStudy(r) => tagged(self.update(id, &r)?),
            Record::Recommendation(r) => tagged(self.update(id, &r)?),
            Record::Skill(r) => tagged(self.update(id, &r)?),
            Record::Experience(r) => tagged(self.update(id, &r)?),
            Record::Certification(r) => tagged(self.update(id, &r)?),
            Record::Education(r) => tagged(self.update(id, &r)?),
            Record::Writing(r) => tagged(self.update(id, &r)?),
            Record::Edition(r) => tagged(self.update(id, &r)?),
        })
    }
}
