package id.loket.casefile.model;

/** One line of a case's checklist: the document, how it is required, and what was found (null = not yet). */
public record DocumentCheck(DocumentType type, Requirement requirement, DocumentResult result, String note) {

    public DocumentCheck withResult(DocumentResult newResult, String newNote) {
        return new DocumentCheck(type, requirement, newResult, newNote);
    }
}
