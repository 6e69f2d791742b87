//! The command line: `copydesk check`, reporters and file walking.
