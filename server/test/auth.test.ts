import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from './test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('health and login', () => {
  it('reports health with the database kind', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.handle.kind, version: expect.any(String) });
  });

  it('sets an HttpOnly SameSite=Lax session cookie and a new session id at each login', async () => {
    const c = await t.userClient({ email: 'login@test.example' });
    expect(c.userId).toBeTruthy();
    const login = () =>
      t.anonymous.post('/api/auth/login', { email: 'login@test.example', password: TEST_PASSWORD });
    const a = await login();
    const b = await login();
    const cookieA = String(a.headers['set-cookie']);
    expect(cookieA).toMatch(/HttpOnly/i);
    expect(cookieA).toMatch(/SameSite=Lax/i);
    expect(cookieA.split(';')[0]).not.toEqual(String(b.headers['set-cookie']).split(';')[0]);
  });

  it('refuses a wrong password with a Danish message, and throttles after repeated failures', async () => {
    await t.userClient({ email: 'throttle@test.example' });
    const bad = () =>
      t.anonymous.post('/api/auth/login', { email: 'throttle@test.example', password: 'wrong password!' });
    const first = await bad();
    expect(first.statusCode).toBe(401);
    expect(first.json().error.message).toBe('Forkert e-mail eller adgangskode.');
    for (let i = 0; i < 4; i++) await bad();
    const blocked = await t.anonymous.post('/api/auth/login', {
      email: 'throttle@test.example',
      password: TEST_PASSWORD,
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('login_throttled');
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const c = await t.userClient({ isAdmin: true });
    const withToken = await c.post('/api/municipalities', { name: 'CSRF Kommune' });
    expect(withToken.statusCode).toBe(201);
    const without = await c.request({
      method: 'POST',
      url: '/api/municipalities',
      payload: { name: 'Uden token' },
      headers: { 'x-csrf-token': 'nope' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_invalid');
  });

  it('ends the session at logout', async () => {
    const c = await t.userClient();
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('dialect', () => {
  it('runs on the database the suite was asked for', async () => {
    const { testDialect } = await import('./test-db.js');
    expect(t.handle.kind).toBe(testDialect());
  });
});
