<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FrichesTiersLieux</name>
    <message>
        <location filename="../plugin.py" line="44"/>
        <location filename="../processing/provider.py" line="34"/>
        <source>Friches &amp; Tiers-Lieux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="48"/>
        <source>Friches inventory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49"/>
        <source>Show or hide the friches inventory panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="52"/>
        <source>Import a friches inventory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="53"/>
        <source>Import and validate an inventory in the CNIG friches standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="56"/>
        <source>Friches &amp; Tiers-Lieux algorithms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Show the provider's algorithms in the Processing toolbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="78"/>
        <source>Missing Python packages ({missing}). Install them with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="51"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/base.py" line="60"/>
        <source>Friches &amp; Tiers-Lieux needs Python packages that are missing: {missing}. Install them with: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../processing/provider.py" line="37"/>
        <source>Friches &amp; Tiers-Lieux: friches inventory and tiers-lieux siting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
