package org.opencg.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;

/** What the portal's pages tell the user: a refusal beside the field it is about, or a note at the top. */
final class Messages {

    private Messages() {
    }

    /** An action refused: nothing changed; the field (a client id, or null) is marked and gets the message. */
    static void refused(String field, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.validationFailed();
        if (field != null && faces.getViewRoot().findComponent(field) instanceof UIInput input) {
            input.setValid(false); // marked as wrong, as a converter or validator would have
        }
        faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }
}
