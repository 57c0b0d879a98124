package com.kfgateway.sandbox.boundary;

import com.kfgateway.doctor.entity.SetupMode;
import com.kfgateway.sandbox.control.SandboxActivation;
import com.kfgateway.sandbox.control.SandboxWeCom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletContext;

/**
 * Whether the product runs in sandbox mode, for pages (the console's banner: {@code #{sandboxMode.active}},
 * {@code #{sandboxMode.customerPageUrl}}), for the setup doctor (the {@link SetupMode} it explains) and for the
 * sandbox's own beans, which reach the running simulator here.
 */
@Named("sandboxMode")
@ApplicationScoped
public class SandboxMode {

    public static final String CUSTOMER_PAGE = "/sandbox/customer.xhtml";
    public static final String WECOM_PANEL = "/sandbox/wecom.xhtml";

    @Inject
    ServletContext servletContext;

    private final SandboxActivation activation = SandboxActivation.ofProcess();

    public boolean isActive() {
        return activation.active();
    }

    /** The decision as the setup doctor shows it; the doctor declares the type so it need not depend on us. */
    @Produces
    SetupMode setupMode() {
        return activation.mode();
    }

    /** The customer page, with the context root; meaningful only when {@link #isActive()}. */
    public String getCustomerPageUrl() {
        return servletContext.getContextPath() + CUSTOMER_PAGE;
    }

    /** The "WeCom side" panel, with the context root; meaningful only when {@link #isActive()}. */
    public String getWeComPanelUrl() {
        return servletContext.getContextPath() + WECOM_PANEL;
    }

    /** The running simulator; only sandbox pages call this, and the gate lets them run in sandbox mode only. */
    public SandboxWeCom wecom() {
        return SandboxWeCom.get();
    }
}
