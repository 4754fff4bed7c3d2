package org.opencg.sip.container.core;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.servlet.ServletContext;

/**
 * The ServletContext of a SIP application: what SIP servlets use of it (attributes such as
 * {@code javax.servlet.sip.SipFactory}, init parameters, logging, the name). The rest of the HTTP-oriented
 * interface fails with the method named, like every unsupported part of the container.
 */
final class ServletContexts {

    private ServletContexts() {
    }

    static ServletContext create(String applicationName, Map<String, Object> initialAttributes) {
        Map<String, Object> attributes = new ConcurrentHashMap<>(initialAttributes);
        Logger log = Logger.getLogger("org.opencg.sip.application." + applicationName);
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getAttribute" -> attributes.get((String) args[0]);
            case "getAttributeNames" -> Collections.enumeration(attributes.keySet());
            case "setAttribute" -> {
                if (args[1] == null) {
                    attributes.remove((String) args[0]);
                } else {
                    attributes.put((String) args[0], args[1]);
                }
                yield null;
            }
            case "removeAttribute" -> attributes.remove((String) args[0]) == null ? null : null;
            case "getInitParameter" -> null;
            case "getInitParameterNames" -> Collections.emptyEnumeration();
            case "getServletContextName", "getContextPath", "getVirtualServerName" -> applicationName;
            case "getMajorVersion", "getEffectiveMajorVersion" -> 4;
            case "getMinorVersion", "getEffectiveMinorVersion" -> 0;
            case "getServerInfo" -> "OpenCG SIP container (JSR 289)";
            case "getClassLoader" -> Thread.currentThread().getContextClassLoader();
            case "log" -> {
                if (args.length == 2 && args[1] instanceof Throwable t) {
                    log.log(Level.WARNING, (String) args[0], t);
                } else {
                    log.info((String) args[0]);
                }
                yield null;
            }
            case "toString" -> "ServletContext[" + applicationName + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw Unsupported.method("ServletContext", method.getName());
        };
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, handler);
    }
}
