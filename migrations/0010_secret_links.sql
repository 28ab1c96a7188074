-- Issue #14, finding 2: no stored message holds a usable status link. Bodies keep the link masked
-- ('/s/link-hidden'); the dispatcher mints the real link into the email at delivery. Messages
-- written before this migration are masked here (links already delivered keep working).
UPDATE messages
   SET body_text = regexp_replace(body_text, '/s/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '/s/link-hidden', 'g'),
       body_html = regexp_replace(body_html, '/s/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '/s/link-hidden', 'g')
 WHERE body_text ~ '/s/[A-Za-z0-9_-]{43}' OR body_html ~ '/s/[A-Za-z0-9_-]{43}';
