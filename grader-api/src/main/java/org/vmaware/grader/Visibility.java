package org.vmaware.grader;

/** Gradescope's visibility values for one test result. */
public enum Visibility {
    VISIBLE("visible"),
    HIDDEN("hidden"),
    AFTER_DUE_DATE("after_due_date"),
    AFTER_PUBLISHED("after_published");

    private final String gradescopeName;

    Visibility(String gradescopeName) {
        this.gradescopeName = gradescopeName;
    }

    /** The value Gradescope's results.json expects. */
    public String gradescopeName() {
        return gradescopeName;
    }
}
