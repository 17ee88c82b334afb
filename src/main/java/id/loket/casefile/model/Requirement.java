package id.loket.casefile.model;

/**
 * How a document on the checklist is required: always; as one of the identity documents that
 * show name, birth and parents (an adult needs one of them); or only where it applies
 * (a name-change decree if the name changed, a divorce deed if the parents divorced).
 */
public enum Requirement { REQUIRED, ONE_OF, IF_APPLICABLE }
