package org.opencg.sip.container;

/** A configuration value that cannot be used, with the setting it came from; its message is "setting: problem". */
public class InvalidSetting extends IllegalArgumentException {

    private final String setting;
    private final String problem;

    public InvalidSetting(String setting, String problem) {
        super(setting + ": " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }
}
