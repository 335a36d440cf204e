// What every report renders: the diagnosis and the measurements and figures data it carries.
global using EpochLens.Analysis;
global using EpochLens.Diagnosis;
