/**
 * chime-flow-rules: rules in YAML that decide what happens to chat messages in Amazon Chime SDK messaging
 * channels. The exported packages are the supported API (docs/architecture.md, "What is public"); every other
 * package is internal and may change in any release.
 */
module dev.flowrules {
    exports dev.flowrules;
    exports dev.flowrules.check;
    exports dev.flowrules.dsl;
    exports dev.flowrules.eval;
    exports dev.flowrules.event;
    exports dev.flowrules.lambda;
    exports dev.flowrules.maven;
    exports dev.flowrules.ruletest;

    // Engine returns the SDK's ChannelFlowCallbackRequest: a caller needs the SDK model to use it.
    requires transitive software.amazon.awssdk.services.chimesdkmessaging;
    requires software.amazon.awssdk.auth;
    requires software.amazon.awssdk.awscore;
    requires software.amazon.awssdk.core;
    requires software.amazon.awssdk.regions;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.http;
    // Only ChannelFlowHandler builds this client; the artifact is optional in the POM (docs/install.md).
    requires static software.amazon.awssdk.http.urlconnection;
    requires com.fasterxml.jackson.core;
    requires org.yaml.snakeyaml;
    requires re2j;
    // The playground's server (flowrules serve); part of every JDK.
    requires jdk.httpserver;
    // Only the Lambda handler needs these; ChannelFlowHandler implements RequestStreamHandler.
    requires static transitive aws.lambda.java.core;
    // Only the Maven goal: Maven provides them when it runs the plugin.
    requires static maven.plugin.api;
    requires static maven.plugin.annotations;
}
