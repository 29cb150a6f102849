"""claimcheck: extract the factual claims of news articles and report where they disagree.

The data flows one way: read → parse → extract → normalize → claims → align → compare → report.
"""

__version__ = "0.1.0"
