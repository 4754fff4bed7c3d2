#!/usr/bin/env bash
# Makes the local key pair that signs the Provisioning API's bearer tokens on a gateway without an identity
# provider: ./opencg token signs with the private key, the API checks with the public one
# (opencg.api.jwt.keys). Production points opencg.api.jwt.keys at Entra ID's or Keycloak's JWKS instead.
#
#   make-api-key.sh DIR      ->  DIR/signing.pem (private, PKCS#8), DIR/signing.pub.pem (public)
set -euo pipefail
dir=$1
[ -f "$dir/signing.pem" ] && [ -f "$dir/signing.pub.pem" ] && exit 0
mkdir -p "$dir"
umask 077
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/signing.pem" 2>/dev/null
umask 022
openssl pkey -in "$dir/signing.pem" -pubout -out "$dir/signing.pub.pem"
