package org.opencg.core.users;

/** Portal roles; they match the Provisioning API's scopes (Read, Write, Delete, Admin). */
public enum PortalRole {
    ReadUser, WriteUser, DeleteUser, AdminUser
}
