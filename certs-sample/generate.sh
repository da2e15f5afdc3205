#!/bin/sh
# Regenerates the SAMPLE PKI in this folder (keys, certificates, trust store). Run from anywhere.
# Extra arguments go to Maven (e.g. -o to work offline). Uses only plugins the build already has.
set -e
cd "$(dirname "$0")/.."
mvn -q "$@" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    cn.sedx.gateway.signing.tools.SamplePki certs-sample
