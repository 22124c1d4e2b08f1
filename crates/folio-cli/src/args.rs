//! The `folio` command's arguments: every subcommand and option, with the help text
//! `folio --help`, the man pages and the shell completions are made from.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "folio", version, about = "Build a portfolio of what you led, and export it.")]
pub struct Cli {
    /// The database file [default: the desktop app's, in your data folder]
    #[arg(long, global = true, env = "FOLIO_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// How long to wait for another Folio that is writing, in milliseconds
    #[arg(long, global = true, env = "FOLIO_BUSY_TIMEOUT", value_name = "MS", default_value_t = 5000, hide = true)]
    pub busy_timeout: u64,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load the example portfolio of a technical lead
    Demo {
        /// Load it even if the database holds a portfolio (what is there goes to the trash)
        #[arg(long)]
        force: bool,
    },
    /// List records of one kind, in their manual order
    List {
        kind: ListKind,
        #[arg(long)]
        json: bool,
    },
    /// Search everything for words (the last word matches as a prefix)
    Search {
        #[arg(required = true)]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Count the records of each kind
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Export the portfolio, or one edition of it, as a PDF
    Pdf {
        /// Where to write the PDF (an existing file is replaced only once the new one is complete)
        path: PathBuf,
        #[command(flatten)]
        look: LookArgs,
        #[arg(long)]
        json: bool,
    },
    /// Read the PDF back as an applicant tracking system would: the share of fields read right, and each misread
    AtsCheck {
        #[command(flatten)]
        look: LookArgs,
        /// Also print the text as the parser takes it, line by line
        #[arg(long)]
        text: bool,
        #[arg(long)]
        json: bool,
    },
    /// List the PDF themes
    Themes,
    /// Import a Folio backup, a JSON Resume, or LinkedIn's data export (its ZIP or the
    /// folder it unpacks to); the format is read from the file
    Import {
        path: PathBuf,
        /// Add to what is there: records of a backup with the same id are replaced, records
        /// of a résumé or LinkedIn export the portfolio already holds are not added twice
        #[arg(long, conflicts_with = "replace")]
        merge: bool,
        /// Delete everything first, the Trash included
        #[arg(long)]
        replace: bool,
        /// Check the file and show what it would add, changing nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Export the portfolio, or one edition of it, as a document — PDF, Word (.docx),
    /// plain text or Markdown — or everything as a Folio backup or a JSON Resume
    Export {
        /// Where to write the file (an existing file is replaced only once the new one is complete)
        path: PathBuf,
        /// What to write [default: the type the path's extension names (.pdf, .docx, .txt,
        /// .md), else a Folio backup]
        #[arg(long, value_enum)]
        format: Option<ExportArg>,
        /// A document: a résumé (experience first), the whole portfolio, the edition's cover
        /// letter, or the bundle of all three [default: the edition's, else portfolio]
        #[arg(long, value_enum)]
        document: Option<DocumentArg>,
        /// Only what this edition selects [default: everything, in manual order]
        #[arg(long, value_name = "NAME")]
        edition: Option<String>,
        /// A document's theme, whose fonts, colours and margins a Word file takes too [default: the edition's, else modern]
        #[arg(long, value_name = "NAME")]
        theme: Option<String>,
        /// A document's paper size [default: the edition's, else a4]
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// Say what was written as JSON (documents)
        #[arg(long)]
        json: bool,
    },
    /// Copy the database file, consistently, even while the app is running
    Backup { path: PathBuf },
    /// Replace the portfolio with a database copy made by `folio backup` (the current one is kept aside)
    Restore { path: PathBuf },
    /// Add images to case studies, or list them
    #[command(subcommand)]
    Image(ImageCommand),
    /// Set the profile photo
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// An edition's cover letter
    #[command(subcommand)]
    Letter(LetterCommand),
    /// What to paste into each LinkedIn field, from the portfolio, within LinkedIn's limits
    Linkedin {
        /// Write from what this edition exports [default: the whole portfolio]
        #[arg(long, value_name = "NAME")]
        edition: Option<String>,
        /// Print only this field's text (headline, about, skills, featured, experience:ID)
        /// and remember it as copied, e.g. `folio linkedin --copy about | xclip -sel clip`
        #[arg(long, value_name = "FIELD")]
        copy: Option<String>,
        #[arg(long, conflicts_with = "copy")]
        json: bool,
    },
    /// Ask the coach what the portfolio, or one edition, still lacks
    Check {
        /// Coach what this edition exports [default: the whole portfolio]
        #[arg(long, value_name = "NAME")]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
        /// Exit with status 1 while a finding of severity error remains
        #[arg(long)]
        strict: bool,
    },
    /// Match an edition against a job posting: what it covers, what it misses
    Match {
        #[arg(long, value_name = "NAME")]
        edition: String,
        /// The posting, as a text file
        posting: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Change how an edition is exported: redaction and metric options
    #[command(subcommand)]
    Edition(EditionCommand),
    /// List past PDF exports, newest first, or show what one contained
    #[command(args_conflicts_with_subcommands = true)]
    Exports {
        #[command(subcommand)]
        show: Option<ExportsCommand>,
        /// Only the exports of this edition
        #[arg(long, value_name = "NAME")]
        edition: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print the shell completion script for bash, zsh, fish, elvish or PowerShell
    ///
    /// For example: `folio completions bash > ~/.local/share/bash-completion/completions/folio`.
    /// The Debian and RPM packages install them already.
    Completions { shell: clap_complete::Shell },
    /// Write the man pages of folio and every subcommand into a folder (for packaging)
    #[command(hide = true)]
    ManPages {
        /// The folder to write folio.1, folio-pdf.1, … into
        dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum EditionCommand {
    /// Name an organisation only by a description in this edition's exports
    Redact {
        /// The edition
        name: String,
        /// The organisation to hide, e.g. "Acme Payments"
        #[arg(long, value_name = "ORGANISATION")]
        org: String,
        /// What to say instead, e.g. "a top-10 European bank"
        #[arg(long = "as", value_name = "DESCRIPTION", required_unless_present = "remove")]
        replacement: Option<String>,
        /// Name the organisation again
        #[arg(long, conflicts_with = "replacement")]
        remove: bool,
    },
    /// Set an edition's export options
    Set {
        /// The edition
        name: String,
        /// Show metrics as relative change only, never absolute values
        #[arg(long, value_enum, value_name = "on|off")]
        relative_metrics: Option<Switch>,
        /// Include links marked internal
        #[arg(long, value_enum, value_name = "on|off")]
        internal_links: Option<Switch>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportsCommand {
    /// What one export contained, as it was sent
    Show {
        /// The export's id (from `folio exports`)
        id: String,
        /// Write the PDF again from the snapshot to this file
        #[arg(long, value_name = "PATH")]
        pdf: Option<PathBuf>,
        /// Print the whole snapshot as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Add an image (JPEG, PNG, WebP or GIF) after a case study's other images
    Add {
        /// The case study, by id or by title
        #[arg(long, value_name = "ID_OR_TITLE")]
        case_study: String,
        path: PathBuf,
        #[arg(long, value_name = "TEXT", default_value = "")]
        caption: String,
    },
    /// List every image kept, with where it is shown
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum LetterCommand {
    /// Write a first draft of the edition's cover letter from what it knows (the role, the
    /// posting's terms it covers, the strongest metrics, a recommendation), save it, and
    /// print it: a draft to rewrite in your own words
    Draft {
        #[arg(long, value_name = "NAME")]
        edition: String,
        /// Print the whole letter as JSON
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Set the profile photo from an image file, or remove it with --remove
    Photo {
        #[arg(required_unless_present = "remove")]
        path: Option<PathBuf>,
        #[arg(long, conflicts_with = "path")]
        remove: bool,
    },
}

/// Which PDF: an edition (or everything) in a theme, paper and format.
#[derive(Debug, clap::Args)]
pub struct LookArgs {
    /// The edition [default: everything, in manual order]
    #[arg(long, value_name = "NAME")]
    pub edition: Option<String>,
    /// The theme [default: the edition's, else modern]; see `folio themes`
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// The paper size [default: the edition's, else a4]
    #[arg(long, value_enum)]
    pub paper: Option<PaperArg>,
    /// A résumé of at most two pages, experience first; the whole portfolio; the edition's cover letter; or the
    /// bundle of the three [default: the edition's, else portfolio]
    #[arg(long, value_enum)]
    pub format: Option<DocumentArg>,
}

/// What `folio export` writes: a document, or the portfolio's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportArg {
    Pdf,
    Docx,
    Txt,
    Md,
    /// The lossless Folio backup (JSON)
    Folio,
    /// JSON Resume 1.x
    JsonResume,
}

impl ExportArg {
    /// The document type this names; `None` for the data formats.
    pub fn document(self) -> Option<folio_model::FileType> {
        use folio_model::FileType;
        match self {
            Self::Pdf => Some(FileType::Pdf),
            Self::Docx => Some(FileType::Docx),
            Self::Txt => Some(FileType::Text),
            Self::Md => Some(FileType::Markdown),
            Self::Folio | Self::JsonResume => None,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DocumentArg {
    Resume,
    Portfolio,
    /// The edition's cover letter
    Letter,
    /// The cover letter, the résumé and the case studies, in one file
    Bundle,
}

impl From<DocumentArg> for folio_model::DocumentFormat {
    fn from(f: DocumentArg) -> Self {
        match f {
            DocumentArg::Resume => Self::Resume,
            DocumentArg::Portfolio => Self::Portfolio,
            DocumentArg::Letter => Self::Letter,
            DocumentArg::Bundle => Self::Bundle,
        }
    }
}

impl From<PaperArg> for folio_model::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListKind {
    CaseStudies,
    Recommendations,
    Skills,
    Experience,
    Editions,
}
