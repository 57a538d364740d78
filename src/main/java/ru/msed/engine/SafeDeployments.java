package ru.msed.engine;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A diagram deployed by an analyst (through Camunda Modeler, the REST API or at start-up) cannot
 * do what the analyst's account may not. Every BPMN and DMN resource of a deployment is checked
 * before the engine parses it, and the deployment is refused (400 with a Russian message naming the
 * element, shown by Modeler) for: script tasks and scripts anywhere, {@code camunda:class} and other
 * Java class references, connectors, embedded or external HTML forms ({@code camunda:formKey} —
 * Camunda Forms are bound with {@code formRef}), delegate expressions other than the application's
 * delegates, expressions beyond {@link ExpressionRules}, and DMN in any language but FEEL or plain
 * JUEL (no external Java functions). In addition, expressions resolve only the allow-listed beans
 * ({@link DiagramBeans}), not the whole application context.
 */
@Component
class SafeDeployments extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(SafeDeployments.class);
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("class", "formKey", "variableMappingClass", "resource",
            "scriptFormat", "resultVariableClass");
    private static final Set<String> TEXT_ONLY = Set.of("documentation", "textAnnotation", "text", "description");
    private static final Set<String> DMN_LANGUAGES = Set.of("feel", "juel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");

    private final DiagramBeans beans;
    private final ExpressionRules rules;
    private final ApplicationContext context;

    SafeDeployments(ApplicationContext context) {
        this.context = context;
        this.beans = new DiagramBeans(context);
        this.rules = new ExpressionRules(beans);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(this::validate);
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans.asExpressionBeans()));
    }

    void validate(DeploymentEntity deployment) {
        if (deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")
                    || name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml")) {
                List<Problem> problems = problemsOf(resource.getName(), resource.getBytes());
                if (!problems.isEmpty()) {
                    log.warn("Deployment '{}' refused: {}", deployment.getName(), problems.stream().map(Problem::getMessage).toList());
                    throw new ParseException("Развёртывание «" + deployment.getName() + "» отклонено: " + problems.get(0).getMessage(),
                            resource.getName(), problems, List.of());
                }
            }
        }
    }

    List<Problem> problemsOf(String resourceName, byte[] xml) {
        List<Problem> problems = new ArrayList<>();
        if (resourceName.toLowerCase(Locale.ROOT).contains(".cmmn")) {
            problems.add(new Refusal("Файл «" + resourceName + "»: диаграммы CMMN не используются.", null));
            return problems;
        }
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            problems.add(new Refusal("Файл «" + resourceName + "» не является корректным XML: " + e.getMessage(), null));
            return problems;
        }
        check(document.getDocumentElement(), null, problems);
        return problems;
    }

    private void check(Element element, String elementId, List<Problem> problems) {
        String id = element.hasAttribute("id") ? element.getAttribute("id") : elementId;
        String local = element.getLocalName();
        if (FORBIDDEN_ELEMENTS.contains(local)) {
            problems.add(new Refusal(where(id) + "скрипты и коннекторы в диаграммах запрещены (элемент «" + local
                    + "»); используйте делегаты приложения.", id));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkAttribute(attribute, id, problems);
        }
        if (TEXT_ONLY.contains(local) && !isDmnText(element)) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                check(childElement, id, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkText(element, child.getNodeValue(), id, problems);
            }
        }
    }

    private void checkAttribute(Attr attribute, String id, List<Problem> problems) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String namespace = attribute.getNamespaceURI();
        String value = attribute.getValue();
        boolean camunda = CAMUNDA.equals(namespace) || CAMUNDA_DMN.equals(namespace);
        if (camunda && FORBIDDEN_ATTRIBUTES.contains(name)) {
            problems.add(new Refusal(where(id) + "атрибут «camunda:" + name + "» запрещён"
                    + ("formKey".equals(name) ? " (формы подключаются через camunda:formRef)" : " (классы Java и скрипты не подключаются из диаграмм)")
                    + ".", id));
        } else if (camunda && "delegateExpression".equals(name)) {
            add(problems, id, rules.checkDelegate(value));
        } else if ("expressionLanguage".equals(name) && !DMN_LANGUAGES.contains(value.toLowerCase(Locale.ROOT))) {
            problems.add(new Refusal(where(id) + "язык выражений «" + value + "» запрещён (допустимы FEEL и JUEL).", id));
        } else if (ExpressionRules.isExpression(value)) {
            add(problems, id, rules.check(value));
        }
    }

    private void checkText(Element parent, String text, String id, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (ExpressionRules.isExpression(text)) {
            add(problems, id, rules.check(text.strip()));
        } else if (isDmnText(parent) && FEEL_EXTERNAL.matcher(text).find()) {
            problems.add(new Refusal(where(id) + "внешние функции Java в FEEL запрещены.", id));
        }
    }

    private static boolean isDmnText(Element element) {
        return "text".equals(element.getLocalName()) && element.getNamespaceURI() != null
                && element.getNamespaceURI().contains("DMN");
    }

    private static void add(List<Problem> problems, String id, String problem) {
        if (problem != null) {
            problems.add(new Refusal(where(id) + problem + ".", id));
        }
    }

    private static String where(String id) {
        return id == null ? "" : "Элемент «" + id + "»: ";
    }

    private static DocumentBuilder parser() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /** A refusal in the engine's own problem format, which the REST API and Modeler show per element. */
    record Refusal(String message, String mainElementId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return mainElementId;
        }

        @Override
        public List<String> getElementIds() {
            return mainElementId == null ? List.of() : List.of(mainElementId);
        }
    }
}
