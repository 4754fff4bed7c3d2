package org.opencg.core.testlines;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A test line, as stored. */
@Entity
@Table(name = "test_line")
public class TestLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "name", nullable = false, length = 24)
    private String name;
    @Column(name = "phone_number", nullable = false, length = 16)
    private String phoneNumber;
    @Column(name = "purpose", nullable = false, length = 16)
    private String purpose;
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected TestLine() {
        // for JPA
    }

    TestLine(String name, String phoneNumber, String purpose) {
        this.name = name;
        change(phoneNumber, purpose);
    }

    void change(String newNumber, String newPurpose) {
        this.phoneNumber = newNumber;
        this.purpose = newPurpose;
    }

    String phoneNumber() {
        return phoneNumber;
    }

    TestLineView view() {
        return new TestLineView(name, phoneNumber, purpose);
    }
}
