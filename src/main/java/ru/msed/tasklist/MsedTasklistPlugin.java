package ru.msed.tasklist;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;

/**
 * The application's Tasklist plugin (Camunda's webapp plugin SPI, registered in
 * {@code META-INF/services}, so Tasklist's {@code config.js} stays untouched): task counts on every
 * folder, each role's own folder opened first, links from forms in a new tab, and no «Create task»
 * for staff. Its script and styles are {@code msed-webapps/tasklist/app/plugin.js|css}, served at
 * {@code /camunda/api/tasklist/plugin/msed/static/app/…}.
 */
public class MsedTasklistPlugin extends AbstractTasklistPlugin {

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
        return "msed-webapps/tasklist";
    }

    /** Serves the plugin's two files (Camunda allows {@code app/plugin.js} and {@code app/plugin.css} only). */
    @Path("plugin/" + ID)
    public static class Assets extends AbstractTasklistPluginRootResource {
        public Assets() {
            super(ID);
        }
    }
}
