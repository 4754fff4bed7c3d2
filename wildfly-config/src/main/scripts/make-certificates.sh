#!/usr/bin/env bash
# Makes a local certificate authority and a gateway certificate signed by it, for SIP over TLS on a machine
# without a public CA. Production replaces gateway.p12 and trust.p12 with the operator's own (see docs/configuration.md).
#
#   make-certificates.sh DIR [PASSWORD] [NAME...]
#
# DIR/ca.p12       the CA's key and certificate (keep it private)
# DIR/ca.pem       the CA certificate, for peers to trust
# DIR/gateway.p12  the gateway's key and certificate chain (opencg.sip.tls.keystore)
# DIR/trust.p12    the CAs the gateway trusts for mutual TLS (opencg.sip.tls.truststore)
# Extra NAMEs become subject alternative names (DNS names or IP addresses) besides localhost and 127.0.0.1.
set -euo pipefail
dir=$1
password=${2:-changeit}
shift $(( $# >= 2 ? 2 : $# ))
[ -f "$dir/gateway.p12" ] && exit 0
mkdir -p "$dir"
umask 077
san="DNS:localhost,IP:127.0.0.1"
for name in "$@"; do
  if [[ $name =~ ^[0-9.]+$ ]]; then san="$san,IP:$name"; else san="$san,DNS:$name"; fi
done
kt() { keytool -storetype PKCS12 -storepass "$password" -keypass "$password" "$@" >/dev/null 2>&1; }
kt -genkeypair -keystore "$dir/ca.p12" -alias ca -keyalg RSA -keysize 2048 -validity 3650 \
   -dname "CN=OpenCG local CA" -ext bc:c
kt -exportcert -keystore "$dir/ca.p12" -alias ca -rfc -file "$dir/ca.pem"
kt -genkeypair -keystore "$dir/gateway.p12" -alias gateway -keyalg RSA -keysize 2048 -validity 825 \
   -dname "CN=${1:-localhost}"
kt -certreq -keystore "$dir/gateway.p12" -alias gateway -file "$dir/gateway.csr"
kt -gencert -keystore "$dir/ca.p12" -alias ca -infile "$dir/gateway.csr" -outfile "$dir/gateway.pem" -rfc \
   -validity 825 -ext "SAN=$san" -ext "EKU=serverAuth,clientAuth" -ext "KU=digitalSignature,keyEncipherment"
kt -importcert -keystore "$dir/gateway.p12" -alias ca -file "$dir/ca.pem" -noprompt
kt -importcert -keystore "$dir/gateway.p12" -alias gateway -file "$dir/gateway.pem"
kt -importcert -keystore "$dir/trust.p12" -alias ca -file "$dir/ca.pem" -noprompt
rm -f "$dir/gateway.csr"
