#!/usr/bin/env bash
# Issues a certificate from the local CA (make-certificates.sh) for an emulated SIP peer, e.g. the Teams SIP
# proxies that tests and ./opencg demo-call stand up in front of SIPp, which has no TLS of its own here.
#
#   make-peer-certificate.sh DIR NAME [PASSWORD [ADDRESS...]]
#
# DIR/NAME.pem   the peer's certificate followed by its unencrypted key (for socat's cert=)
# DIR/NAME.p12   the same as a PKCS12 key store (for Java clients)
# The certificate names NAME, localhost and 127.0.0.1, and each further ADDRESS (an IP address the peer listens
# on: the gateway checks the name or address it calls a TLS peer by).
set -euo pipefail
dir=$1 name=$2 password=${3:-changeit}
shift $(( $# >= 3 ? 3 : $# ))
[ -f "$dir/$name.pem" ] && exit 0
san="DNS:$name,DNS:localhost,IP:127.0.0.1"
for address in "$@"; do san="$san,IP:$address"; done
umask 077
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kt() { keytool -storetype PKCS12 -storepass "$password" -keypass "$password" "$@" >/dev/null 2>&1; }
kt -genkeypair -keystore "$work/peer.p12" -alias peer -keyalg RSA -keysize 2048 -validity 825 -dname "CN=$name"
kt -certreq -keystore "$work/peer.p12" -alias peer -file "$work/peer.csr"
kt -gencert -keystore "$dir/ca.p12" -alias ca -infile "$work/peer.csr" -outfile "$work/peer.crt" -rfc \
   -validity 825 -ext "SAN=$san" -ext "EKU=serverAuth,clientAuth"
kt -importcert -keystore "$work/peer.p12" -alias ca -file "$dir/ca.pem" -noprompt
kt -importcert -keystore "$work/peer.p12" -alias peer -file "$work/peer.crt"
cp "$work/peer.p12" "$dir/$name.p12"
openssl pkcs12 -in "$work/peer.p12" -passin "pass:$password" -nodes -clcerts 2>/dev/null \
  | sed -n '/-----BEGIN/,/-----END/p' >"$dir/$name.pem"
