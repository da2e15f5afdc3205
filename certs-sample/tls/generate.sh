#!/usr/bin/env bash
# SAMPLE TLS material for the `tls` profile and the README's client-certificate example. SAMPLES ONLY.
# Makes: a TLS CA, the gateway's server certificate (localhost, 127.0.0.1) and a client certificate for the
# sample system tianhe-county, valid 10 years. Password of every PKCS#12 file: sedx-sample.
# After regenerating, put the new client fingerprint into application.yaml (tianhe-county certificate-sha256):
#   openssl x509 -in tianhe-county.pem -outform DER | sha256sum
set -euo pipefail
cd "$(dirname "$0")"
pass=sedx-sample
days=3650
openssl ecparam -name prime256v1 -genkey -noout -out ca.key
openssl req -x509 -new -key ca.key -sha256 -days $((days + 365)) -subj "/CN=SEDX sample TLS CA (SAMPLE ONLY)" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -out ca.pem
issue() { # name subject extensions
  openssl ecparam -name prime256v1 -genkey -noout -out "$1.key"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  printf '%b' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -sha256 -days $days -extfile "$1.ext" \
    -out "$1.pem"
  openssl pkcs12 -export -name tls -inkey "$1.key" -in "$1.pem" -certfile ca.pem -passout pass:$pass -out "$1.p12"
  rm -f "$1.csr" "$1.ext"
}
issue server "/CN=localhost/O=SEDX gateway (SAMPLE ONLY)" \
  "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n"
issue tianhe-county "/CN=tianhe-county/O=Tianhe use-registration platform (SAMPLE ONLY)" \
  "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n"
rm -f truststore.p12 ca.srl server.key ca.key
keytool -importcert -noprompt -storetype PKCS12 -keystore truststore.p12 -storepass $pass -alias sample-tls-ca \
  -file ca.pem >/dev/null
openssl x509 -in tianhe-county.pem -outform DER | sha256sum | cut -d' ' -f1
