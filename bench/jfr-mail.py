"""Folds the JFR samples of a mail scenario (bench/mail.sh PROFILE=1: push-samples.txt or imap-samples.txt) into the
stages of the inbound pipeline: each sample counts once, under the first stage of the list found on its stack
(the list runs from the innermost stages to the outermost). Usage: python3 bench/jfr-mail.py <samples.txt>"""
import sys, collections
sys.path.insert(0, __import__('os').path.dirname(__file__))
from jfr_samples import samples
# innermost marker wins: listed from specific to general; the first that matches anywhere in the stack (top first) decides
markers = [
 ('mime parse', 'MimeMailParser.parse'),
 ('ack: thread read', 'Intake.thread'),
 ('ack: queue', 'OutboundMails.queue'),
 ('ack: other', 'OutboxMail.acknowledge'),
 ('sanitize', 'SafeHtml.sanitize'),
 ('threading', 'MailThreading.find'),
 ('message ids record', 'ReceivedMessageIds.record'),
 ('ticket: search index', 'org.hibernate.search'),
 ('ticket: open', 'Intake.open'),
 ('ticket: store other', 'Intake.store'),
 ('ticket: intake other', 'Intake.receive'),
 ('raw row insert', 'InboundMails.insert'),
 ('row lock/finish/describe', 'InboundMails.'),
 ('flood count', 'countFromLocked'),
 ('processor other', 'MailProcessor.process'),
 ('pipeline tx/commit', 'InboundPipeline'),
 ('listeners: SLA', 'SlaListeners'),
 ('listeners: modulith completion', 'CompletionRegistering'),
 ('listeners: other', 'AsyncConfiguration'),
 ('imap fetch', 'FolderImport'),
 ('imap other', 'channels.email.imap'),
]
c = collections.Counter(); n = 0
for st in samples(sys.argv[1]):
    n += 1
    for name, m in markers:
        if any(m in f for f in st):
            c[name] += 1; break
    else:
        c['other: ' + (st[-1] if st else '?').split('.')[-2] if st else 'none'] += 1
for k, v in c.most_common(40):
    print(f"{100*v/n:5.1f}%  {k}")
print(n, 'samples')
