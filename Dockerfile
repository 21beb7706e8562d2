# The server image: built from source with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY shared-events/pom.xml shared-events/
COPY migrations/pom.xml migrations/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY server/pom.xml server/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home --home-dir /var/lib/trust-registry trust-registry
USER trust-registry
WORKDIR /var/lib/trust-registry
COPY --from=build /src/server/target/trust-registry.jar /opt/trust-registry/trust-registry.jar
ENV TRUST_REGISTRY_DATA_DIR=/var/lib/trust-registry/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/opt/trust-registry/trust-registry.jar"]
