# One image per service, built from this repository:
#   docker build --build-arg MODULE=queue-service -t callcenter/queue-service .
# Three stages: the Maven wrapper builds the module's executable jar (the same Maven the README's
# commands use); Spring Boot's jar tools split it into its layers; the runtime image has a JRE, curl
# for the health check, and the layers copied from the least to the most often changed, so a code
# change rebuilds and ships only the small application layer. It runs as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw --batch-mode --quiet -DskipTests -pl "${MODULE}" -am package \
 && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /app.jar

FROM eclipse-temurin:17-jre AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
# dependencies/, spring-boot-loader/, snapshot-dependencies/, application/ (our modules and app.jar)
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# the health check below needs curl; installed explicitly rather than trusting the base image to have it
RUN apt-get update \
 && apt-get install --yes --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home app
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
USER 10001
# the heap follows the container's memory limit (docker-compose.yml sets one per service)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=12 \
  CMD curl -fsS "http://localhost:${PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
