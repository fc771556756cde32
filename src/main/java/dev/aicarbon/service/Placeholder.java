package dev.aicarbon.service;
class Placeholder {}
