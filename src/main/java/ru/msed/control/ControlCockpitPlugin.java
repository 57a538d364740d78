package ru.msed.control;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * «Контроль исполнения» in Cockpit for controllers: a Cockpit plugin (Camunda's webapp plugin SPI,
 * registered in {@code META-INF/services}, so Cockpit's {@code config.js} stays untouched) with a
 * page, a navigation entry and a dashboard section. Its script is
 * {@code msed-webapps/cockpit/app/plugin.js}, served at {@code /camunda/api/cockpit/plugin/msed/static/app/…};
 * the data comes from the application's own {@code /api/control/overdue} ({@link ControlController}).
 */
public class ControlCockpitPlugin extends AbstractCockpitPlugin {

    static final String ID = "msed";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
        return Set.of(Assets.class);
    }

    @Override
    public String getAssetDirectory() {
        return "msed-webapps/cockpit";
    }

    /** Serves the plugin's two files (Camunda allows {@code app/plugin.js} and {@code app/plugin.css} only). */
    @Path("plugin/" + ID)
    public static class Assets extends AbstractCockpitPluginRootResource {
        public Assets() {
            super(ID);
        }
    }
}
