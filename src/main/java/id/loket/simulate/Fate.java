package id.loket.simulate;

/**
 * What happens to one applicant, drawn once from the seed and the case reference, so the same
 * seed gives the same day and a resumed run makes the same choices as the run it continues.
 *
 * @param noShow              does not come at all
 * @param arrivalOffsetSeconds when they arrive, relative to the start of their slot
 * @param documents           how the document check goes
 * @param documentPick        which document is missing or does not match (0 ≤ x < 1)
 * @param identityPick        which identity document an adult shows (0 ≤ x < 1)
 * @param nameChanged         an adult whose name changed brings the decree
 * @param parentsHavePassports a minor's parents show their passports
 * @param parentsDivorced     a minor's parents are divorced: deed and custody decree
 * @param returnsSameDay      on hold, comes back later the same day with what was missing
 * @param returnAfterSeconds  how long after being put on hold
 * @param interviewFlagged    the interviewing officer flags the case for the supervisor
 * @param preventionList      found on the prevention list at the interview: rejected by the officer
 * @param supervisorDraw      decides whether the supervisor rejects (0 ≤ x < 1)
 * @param notePick            which of the officers' usual notes is written
 */
public record Fate(
        boolean noShow,
        int arrivalOffsetSeconds,
        DocumentOutcome documents,
        double documentPick,
        double identityPick,
        boolean nameChanged,
        boolean parentsHavePassports,
        boolean parentsDivorced,
        boolean returnsSameDay,
        int returnAfterSeconds,
        boolean interviewFlagged,
        boolean preventionList,
        double supervisorDraw,
        int notePick) {

    /** How the check of the originals ends: all there, one missing (hold), one that does not match (rejection). */
    public enum DocumentOutcome { COMPLETE, MISSING, MISMATCH }
}
