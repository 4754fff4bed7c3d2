package org.opencg.core.testlines;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencg.core.accounts.ProvisioningException;
import org.opencg.core.accounts.ProvisioningException.Kind;
import org.opencg.core.audit.AuditTrail;

/** {@link TestLineService} on JPA; each change audited in its own transaction. */
@Stateless
@Local(TestLineService.class)
@LocalBean
public class TestLineServiceBean implements TestLineService {

    @PersistenceContext(unitName = "opencg")
    EntityManager em;

    @EJB
    AuditTrail audit;

    @Override
    public List<TestLineView> list() {
        return em.createQuery("select t from TestLine t order by t.name", TestLine.class).getResultList().stream()
                .map(TestLine::view).toList();
    }

    @Override
    public TestLineView get(String name) {
        TestLineRules.checkName(name);
        return require(name).view();
    }

    @Override
    public Saved createOrReplace(String name, String phoneNumber, String purpose) {
        TestLineRules.check(name, phoneNumber, purpose);
        String customer = em.createQuery("select a.name from TelephoneNumber n join n.account a where n.e164 = :n",
                String.class).setParameter("n", phoneNumber).getResultStream().findFirst().orElse(null);
        if (customer != null) {
            throw new ProvisioningException(Kind.CONFLICT, "TestLineNumberInUse", phoneNumber
                    + " is a number of account '" + customer + "'; a test line needs a number of its own",
                    "properties.phoneNumber");
        }
        TestLine other = em.createQuery("select t from TestLine t where t.phoneNumber = :n", TestLine.class)
                .setParameter("n", phoneNumber).getResultStream().findFirst().orElse(null);
        if (other != null && !other.view().name().equals(name)) {
            throw new ProvisioningException(Kind.CONFLICT, "TestLineNumberInUse", phoneNumber
                    + " is already test line '" + other.view().name() + "'", "properties.phoneNumber");
        }
        TestLine line = find(name);
        TestLineView before = line == null ? null : line.view();
        if (line == null) {
            line = new TestLine(name, phoneNumber, purpose);
            em.persist(line);
        } else {
            line.change(phoneNumber, purpose);
        }
        em.flush();
        audit.record("testLine", name, before, line.view());
        return new Saved(line.view(), before == null);
    }

    @Override
    public void delete(String name) {
        TestLineRules.checkName(name);
        TestLine line = require(name);
        TestLineView before = line.view();
        em.remove(line);
        audit.record("testLine", name, before, null);
    }

    /** The numbers of all test lines (a short list): an import checks its rows against them at once. */
    public java.util.Map<String, String> linesByNumber() {
        java.util.Map<String, String> lines = new java.util.HashMap<>();
        list().forEach(line -> lines.put(line.phoneNumber(), line.name()));
        return lines;
    }

    private TestLine find(String name) {
        return em.createQuery("select t from TestLine t where t.name = :name", TestLine.class)
                .setParameter("name", name).getResultStream().findFirst().orElse(null);
    }

    private TestLine require(String name) {
        TestLine line = find(name);
        if (line == null) {
            throw new ProvisioningException(Kind.NOT_FOUND, "NotFound", "no test line named '" + name + "'", "name");
        }
        return line;
    }
}
