import { createLocalJWKSet, jwtVerify } from 'jose';
const [token, jwks] = process.argv.slice(2);
try {
  const r = await jwtVerify(token!, createLocalJWKSet(JSON.parse(jwks!)), { issuer: 'http://localhost:3000/oidc', audience: 'http://localhost:3000/api', algorithms: ['RS256'], typ: 'at+jwt', clockTolerance: 60, requiredClaims: ['exp', 'iat', 'sub', 'client_id'] });
  console.log('ok', r.payload);
} catch (e) { console.log('fail', e); }
